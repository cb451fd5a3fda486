// The GraphQL schema: its types, written in Go with github.com/graphql-go/graphql, and a resolver for
// each field that needs one. main.go (done for you) runs it for every POST /graphql.
package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/graphql-go/graphql"
)

// request is what the resolvers of one HTTP request share: the data source, and loaders whose cache
// lives as long as that request.
type request struct {
	db      *DB
	authors *Loader[*Author]
}

func newRequest(db *DB) *request {
	return &request{db: db, authors: NewLoader(db.FindAuthorsByIDs)}
}

type requestKey struct{}

func withRequest(ctx context.Context, r *request) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// requestFrom gives a resolver its request: requestFrom(p.Context).db, requestFrom(p.Context).authors.
func requestFrom(ctx context.Context) *request {
	return ctx.Value(requestKey{}).(*request)
}

// In SDL (the schema language), the schema below is:
//
//	type Book { id: ID!  title: String!  year: Int  author: Author! }
//	type Author { id: ID!  name: String!  books: [Book!]! }
//	type Query { books: [Book!]!  book(id: ID!): Book  author(id: ID!): Author }
//	input AddBookInput { title: String!  authorId: ID!  year: Int }
//	type Mutation { addBook(input: AddBookInput!): Book! }
//
// A field without a Resolve answers the Go field of the same name (or json tag): Book.ID for "id".
func newSchema() (graphql.Schema, error) {
	authorType := graphql.NewObject(graphql.ObjectConfig{
		Name: "Author",
		Fields: graphql.Fields{
			"id":   &graphql.Field{Type: graphql.NewNonNull(graphql.ID)},
			"name": &graphql.Field{Type: graphql.NewNonNull(graphql.String)},
		},
	})
	bookType := graphql.NewObject(graphql.ObjectConfig{
		Name: "Book",
		Fields: graphql.Fields{
			"id":     &graphql.Field{Type: graphql.NewNonNull(graphql.ID)},
			"title":  &graphql.Field{Type: graphql.NewNonNull(graphql.String)},
			"year":   &graphql.Field{Type: graphql.Int},
			"author": &graphql.Field{Type: graphql.NewNonNull(authorType), Resolve: resolveBookAuthor},
		},
	})
	// Author and Book refer to each other, so Author.books is added once both exist.
	authorType.AddFieldConfig("books", &graphql.Field{
		Type:    graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(bookType))),
		Resolve: resolveAuthorBooks,
	})

	idArgs := graphql.FieldConfigArgument{"id": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)}}
	queryType := graphql.NewObject(graphql.ObjectConfig{
		Name: "Query",
		Fields: graphql.Fields{
			"books":  &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(bookType))), Resolve: resolveBooks},
			"book":   &graphql.Field{Type: bookType, Args: idArgs, Resolve: resolveBook},
			"author": &graphql.Field{Type: authorType, Args: idArgs, Resolve: resolveAuthor},
		},
	})

	addBookInput := graphql.NewInputObject(graphql.InputObjectConfig{
		Name: "AddBookInput",
		Fields: graphql.InputObjectConfigFieldMap{
			"title":    &graphql.InputObjectFieldConfig{Type: graphql.NewNonNull(graphql.String)},
			"authorId": &graphql.InputObjectFieldConfig{Type: graphql.NewNonNull(graphql.ID)},
			"year":     &graphql.InputObjectFieldConfig{Type: graphql.Int},
		},
	})
	mutationType := graphql.NewObject(graphql.ObjectConfig{
		Name: "Mutation",
		Fields: graphql.Fields{
			"addBook": &graphql.Field{
				Type:    graphql.NewNonNull(bookType),
				Args:    graphql.FieldConfigArgument{"input": &graphql.ArgumentConfig{Type: graphql.NewNonNull(addBookInput)}},
				Resolve: resolveAddBook,
			},
		},
	})
	return graphql.NewSchema(graphql.SchemaConfig{Query: queryType, Mutation: mutationType})
}

// A resolver gets p.Source (the parent object), p.Args and p.Context, and answers a value and an
// error. It may also answer a thunk, func() (interface{}, error): graphql-go calls it later, after
// the resolvers of the whole list, which is what lets a loader batch.

func resolveBooks(p graphql.ResolveParams) (interface{}, error) {
	return requestFrom(p.Context).db.ListBooks()
}

func resolveBook(p graphql.ResolveParams) (interface{}, error) {
	id, _ := p.Args["id"].(string)
	return requestFrom(p.Context).db.FindBook(id)
}

func resolveAuthor(p graphql.ResolveParams) (interface{}, error) {
	id, _ := p.Args["id"].(string)
	return thunk(requestFrom(p.Context).authors.Load(id)), nil
}

func resolveBookAuthor(p graphql.ResolveParams) (interface{}, error) {
	book := p.Source.(*Book)
	// Called once per book: through the loader, a whole list of books costs one author query, not N.
	return thunk(requestFrom(p.Context).authors.Load(book.AuthorID)), nil
}

func resolveAuthorBooks(p graphql.ResolveParams) (interface{}, error) {
	author := p.Source.(*Author)
	return requestFrom(p.Context).db.ListBooksByAuthor(author.ID)
}

func resolveAddBook(p graphql.ResolveParams) (interface{}, error) {
	req := requestFrom(p.Context)
	input, _ := p.Args["input"].(map[string]interface{})
	rawTitle, _ := input["title"].(string)
	authorID, _ := input["authorId"].(string)

	title := strings.TrimSpace(rawTitle)
	if n := len([]rune(title)); n < 1 || n > 200 {
		return nil, badInput("title", "title must be 1 to 200 characters")
	}
	var year *int
	if y, ok := input["year"].(int); ok {
		if thisYear := time.Now().Year(); y < 0 || y > thisYear {
			return nil, badInput("year", fmt.Sprintf("year must be between 0 and %d", thisYear))
		}
		year = &y
	}
	author, err := req.authors.Load(authorID)()
	if err != nil {
		return nil, err
	}
	if author == nil {
		return nil, badInput("authorId", fmt.Sprintf("no author with authorId %q", authorID))
	}
	return req.db.InsertBook(title, authorID, year)
}

// inputError is a GraphQL error the client can act on: graphql-go puts Extensions() in the error's
// "extensions", with a code and the field.
type inputError struct{ field, message string }

func (e inputError) Error() string { return e.message }

func (e inputError) Extensions() map[string]interface{} {
	return map[string]interface{}{"code": "BAD_USER_INPUT", "field": e.field}
}

func badInput(field, message string) error { return inputError{field: field, message: message} }

// thunk turns a loader's func() (V, error) into the func() (interface{}, error) graphql-go waits for.
func thunk[V any](load func() (V, error)) func() (interface{}, error) {
	return func() (interface{}, error) {
		value, err := load()
		return value, err
	}
}
