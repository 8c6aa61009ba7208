// Package together runs one operation of a test many times at once,
// released together so that the runs race, for the tests of what must
// hold under concurrent use: a budget, a cap, a version check.
package together

import "sync"

// Run calls fn(0) to fn(n-1), each on its own goroutine, all released at
// the same moment, and returns their results in the order of i once every
// call has returned.
func Run[T any](n int, fn func(i int) T) []T {
	out := make([]T, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			out[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return out
}

// Count is Run for an operation that succeeds or not: it returns how
// many of the n calls answered true.
func Count(n int, fn func(i int) bool) int {
	count := 0
	for _, ok := range Run(n, fn) {
		if ok {
			count++
		}
	}
	return count
}
