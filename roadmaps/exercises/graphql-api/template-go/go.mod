module exercise

go 1.22

require github.com/graphql-go/graphql v0.8.1
