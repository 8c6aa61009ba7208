package blobstore

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
)

// s3ErrorBodyLimit bounds how much of a response body is read for an error
// or a small answer.
const s3ErrorBodyLimit = 64 << 10

// codeNoSuchKey is S3's error code for a key the bucket does not hold.
const codeNoSuchKey = "NoSuchKey"

// s3Error is an error an S3 server answered, with the fields of its XML
// body.
type s3Error struct {
	// Method and Key say which request failed.
	Method string `xml:"-"`
	Key    string `xml:"-"`
	// Status is the HTTP status code.
	Status int `xml:"-"`
	// Code is S3's error code, such as NoSuchBucket or AccessDenied.
	Code string `xml:"Code"`
	// Message is the server's explanation.
	Message string `xml:"Message"`
	// Region is the bucket's region, when the error is about it.
	Region string `xml:"Region"`
	// RequestID identifies the request in the server's logs.
	RequestID string `xml:"RequestId"`
}

func (e *s3Error) Error() string {
	s := fmt.Sprintf("s3: %s %q: %d", e.Method, e.Key, e.Status)
	if e.Code != "" {
		s += " " + e.Code
	}
	s += ": " + e.Message
	if e.RequestID != "" {
		s += " (request " + e.RequestID + ")"
	}
	return s
}

// readS3Error reads the error of the response to r from its body (at most
// s3ErrorBodyLimit bytes of it) and closes the body. A body without an error
// (a HEAD's, or a proxy's page) leaves the code to the status: a 404 about an
// object is NoSuchKey, as minio-go read it.
func readS3Error(r s3Request, resp *http.Response) *s3Error {
	defer resp.Body.Close()
	e := &s3Error{Method: r.method, Key: r.key, Status: resp.StatusCode}
	body := io.LimitReader(resp.Body, s3ErrorBodyLimit)
	if xml.NewDecoder(body).Decode(e) != nil {
		e.Code, e.Message, e.Region, e.RequestID = "", "", "", ""
	}
	_, _ = io.Copy(io.Discard, body)
	if e.Code == "" && resp.StatusCode == http.StatusNotFound && r.key != "" {
		e.Code = codeNoSuchKey
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	e.RequestID = firstNonEmpty(e.RequestID, resp.Header.Get("X-Amz-Request-Id"))
	return e
}
