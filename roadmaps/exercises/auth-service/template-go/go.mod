module exercise

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.3.1
	golang.org/x/crypto v0.33.0
)
