package main

import (
	"fmt"
	"time"
)

// Article is one row of the in-memory "table", answered as JSON exactly like this:
// {"id":36,"title":"Joins, part 4","createdAt":"2025-01-23T00:00:00.000Z","tags":["sql","http"]}.
//
// CreatedAt is kept as the ISO 8601 text every language version of this exercise answers with.
// Strings of this one format sort in time order, so you can compare them as they are.
type Article struct {
	ID        int      `json:"id"`
	Title     string   `json:"title"`
	CreatedAt string   `json:"createdAt"`
	Tags      []string `json:"tags"`
}

var (
	tags     = []string{"node", "sql", "redis", "http", "testing"}
	subjects = []string{"Event loop", "Indexes", "Caching", "Status codes", "Mocks", "Streams", "Joins", "TTL", "Headers", "Fixtures"}
)

// createArticles gives the seed data (done for you): the same 50 articles in every language version
// of this exercise, since the check compares whole pages. Several share a CreatedAt, and ids are not
// in date order, so a correct sort needs both keys.
func createArticles(count int) []Article {
	start := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	articles := make([]Article, 0, count)
	for id := 1; id <= count; id++ {
		day := (id * 7) % 23 // ids 1, 24 and 47 land on the same day, and so on
		articleTags := []string{tags[id%len(tags)]}
		if id%4 == 0 {
			articleTags = append(articleTags, tags[(id+2)%len(tags)])
		}
		articles = append(articles, Article{
			ID:        id,
			Title:     fmt.Sprintf("%s, part %d", subjects[id%len(subjects)], (id+len(subjects)-1)/len(subjects)),
			CreatedAt: start.AddDate(0, 0, day).Format("2006-01-02T15:04:05.000Z"),
			Tags:      articleTags,
		})
	}
	return articles
}
