// Command testissuer runs the test OpenID Connect provider of package
// testissuer until it is interrupted, for the browser tests (make e2e):
//
//	go run ./internal/testissuer/cmd/testissuer -addr 127.0.0.1:0
//
// It prints one line, the issuer's URL, once it answers.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/mssc/recert/internal/testissuer"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "the loopback address to listen on")
	flag.Parse()
	issuer, err := testissuer.Start(*addr)
	if err != nil {
		log.Fatalf("testissuer: %v", err)
	}
	fmt.Println(issuer.URL())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	_ = issuer.Close()
}
