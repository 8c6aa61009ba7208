package httpapi

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/mssc/recert/catalog"
)

// websocketAuth signs a websocket connection in from the Authorization
// entry of its connection_init payload; a bad token refuses the connection.
func websocketAuth(tokens TokenVerifier) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		header := payload.Authorization()
		if header == "" {
			if v, ok := payload["Authorization"].(string); ok {
				header = v
			}
		}
		if header == "" {
			return ctx, nil, nil
		}
		scheme, token, ok := strings.Cut(header, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || tokens == nil {
			return ctx, nil, errors.New("the Authorization entry must be \"Bearer <token>\"")
		}
		p, err := tokens.Verify(strings.TrimSpace(token))
		if err != nil {
			return ctx, nil, err
		}
		return catalog.WithPrincipal(ctx, p), nil, nil
	}
}
