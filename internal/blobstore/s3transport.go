package blobstore

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"os"
	"time"
)

// newS3HTTPClient returns the HTTP client of an s3Store, with minio-go's
// time-outs: 30 s to connect, 10 s for the TLS handshake, a minute for the
// response's headers; the body has no time-out but the caller's context.
// With TLS, certificates in the file SSL_CERT_FILE names are trusted besides
// the system's.
func newS3HTTPClient(secure bool) *http.Client {
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   16,
		ResponseHeaderTimeout: time.Minute,
		IdleConnTimeout:       time.Minute,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 10 * time.Second,
		// Hand objects over as stored, even with a Content-Encoding.
		DisableCompression: true,
	}
	if secure {
		tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		if f := os.Getenv("SSL_CERT_FILE"); f != "" {
			roots, err := x509.SystemCertPool()
			if err != nil {
				roots = x509.NewCertPool()
			}
			if pem, err := os.ReadFile(f); err == nil {
				roots.AppendCertsFromPEM(pem)
			}
			tr.TLSClientConfig.RootCAs = roots
		}
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}
