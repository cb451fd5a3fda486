// The GraphQL schema: its types, written in Go with github.com/graphql-go/graphql, and a resolver for
// each field that needs one. main.go (done for you) runs it for every POST /graphql.
package main

import (
	"context"

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
//	type Author { id: ID!  name: String! }          # TODO 1: books: [Book!]!
//	type Query { books: [Book!]!  book(id: ID!): Book  author(id: ID!): Author }
//	# TODO 2: input AddBookInput { title: String!  authorId: ID!  year: Int }
//	#         type Mutation { addBook(input: AddBookInput!): Book! }
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
	// TODO 1: Author and Book refer to each other, so add Author.books once both exist:
	//   authorType.AddFieldConfig("books", &graphql.Field{Type: <[Book!]!>, Resolve: resolveAuthorBooks})
	//   with graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(bookType))) as its type.

	idArgs := graphql.FieldConfigArgument{"id": &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.ID)}}
	queryType := graphql.NewObject(graphql.ObjectConfig{
		Name: "Query",
		Fields: graphql.Fields{
			"books":  &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(bookType))), Resolve: resolveBooks},
			"book":   &graphql.Field{Type: bookType, Args: idArgs, Resolve: resolveBook},
			"author": &graphql.Field{Type: authorType, Args: idArgs, Resolve: resolveAuthor},
		},
	})

	// TODO 2: an input type and a mutation:
	//   addBookInput := graphql.NewInputObject(graphql.InputObjectConfig{Name: "AddBookInput", Fields: graphql.InputObjectConfigFieldMap{...}})
	//   with "title" (String!), "authorId" (ID!) and "year" (Int), each a &graphql.InputObjectFieldConfig{Type: ...};
	//   then a "Mutation" object with "addBook": Type Book!, one argument "input" of type AddBookInput!,
	//   Resolve: resolveAddBook. Pass it to the schema as Mutation.
	return graphql.NewSchema(graphql.SchemaConfig{Query: queryType})
}

// A resolver gets p.Source (the parent object), p.Args and p.Context, and answers a value and an
// error. It may also answer a thunk, func() (interface{}, error): graphql-go calls it later, after
// the resolvers of the whole list, which is what lets a loader batch.

func resolveBooks(p graphql.ResolveParams) (interface{}, error) {
	return requestFrom(p.Context).db.ListBooks()
}

func resolveBook(p graphql.ResolveParams) (interface{}, error) {
	// TODO 3: find the book with requestFrom(p.Context).db.FindBook(id); it answers nil for an unknown id.
	return nil, nil
}

func resolveAuthor(p graphql.ResolveParams) (interface{}, error) {
	id, _ := p.Args["id"].(string)
	return thunk(requestFrom(p.Context).authors.Load(id)), nil
}

func resolveBookAuthor(p graphql.ResolveParams) (interface{}, error) {
	book := p.Source.(*Book)
	// TODO 4: this runs once per book, so a list of N books makes N author queries (N+1).
	//         Use the request's loader instead: thunk(requestFrom(p.Context).authors.Load(book.AuthorID)).
	return requestFrom(p.Context).db.FindAuthor(book.AuthorID)
}

// TODO 1 (continued): resolveAuthorBooks with db.ListBooksByAuthor(author.ID); p.Source is an *Author.

// TODO 5: resolveAddBook checks the input before db.InsertBook(title, authorID, year):
//   title trimmed, 1 to 200 characters; year (when given) between 0 and this year; the author exists.
//   For bad input, return nil, badInput(field, message): the error lands in the response's `errors`.
//   input := p.Args["input"].(map[string]interface{}): input["title"] and input["authorId"] are
//   strings, input["year"] an int, missing when the client did not send it.

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
