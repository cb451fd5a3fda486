package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/coder/websocket"
	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
)

const (
	maxText     = 500
	historyKept = 100
)

// client is one socket of this instance in a room.
type client struct {
	conn *websocket.Conn
	name string
}

type chat struct {
	rdb        *redis.Client
	keyPrefix  string
	secret     []byte
	rateLimit  int
	rateWindow time.Duration

	mu            sync.Mutex
	rooms         map[string]map[*client]bool // room -> this instance's sockets in it
	sent          map[string][]time.Time      // user -> times of their messages in the window
	pubsub        *redis.PubSub               // one subscriber connection for every room
	subscriptions map[string]chan struct{}    // channel -> closed once Redis confirms
}

func newChat(rdb *redis.Client, keyPrefix, secret string, rateLimit int, rateWindow time.Duration) *chat {
	c := &chat{
		rdb: rdb, keyPrefix: keyPrefix, secret: []byte(secret), rateLimit: rateLimit, rateWindow: rateWindow,
		rooms: map[string]map[*client]bool{}, sent: map[string][]time.Time{}, subscriptions: map[string]chan struct{}{},
	}
	c.pubsub = rdb.Subscribe(context.Background())
	go c.read()
	return c
}

func (c *chat) channel(room string) string    { return c.keyPrefix + "chat:" + room }
func (c *chat) historyKey(room string) string { return c.keyPrefix + "chat:" + room + ":history" }
func (c *chat) usersKey(room string) string   { return c.keyPrefix + "chat:" + room + ":users" }

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// userFrom verifies an HS256 token and answers its subject, or "" when it is not valid.
func (c *chat) userFrom(token string) string {
	if token == "" {
		return ""
	}
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return c.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}))
	if err != nil || !parsed.Valid {
		return ""
	}
	sub, err := parsed.Claims.GetSubject()
	if err != nil {
		return ""
	}
	return sub
}

var bearerPattern = regexp.MustCompile(`^Bearer (\S+)$`)

func (c *chat) bearerUser(authorization string) string {
	m := bearerPattern.FindStringSubmatch(authorization)
	if m == nil {
		return ""
	}
	return c.userFrom(m[1])
}

func (c *chat) lastMessages(ctx context.Context, room string, count int) ([]json.RawMessage, error) {
	items, err := c.rdb.LRange(ctx, c.historyKey(room), int64(-count), -1).Result()
	if err != nil {
		return nil, err
	}
	out := make([]json.RawMessage, 0, len(items))
	for _, item := range items {
		out = append(out, json.RawMessage(item))
	}
	return out, nil
}

var digits = regexp.MustCompile(`^\d+$`)

func (c *chat) messages(ctx context.Context, room, limit string, given bool, authorization string) (int, any) {
	if c.bearerUser(authorization) == "" {
		return 401, map[string]string{"error": "a valid bearer token is required"}
	}
	if !given {
		limit = "50"
	}
	n, err := strconv.Atoi(limit)
	if !digits.MatchString(limit) || err != nil || n < 1 || n > historyKept {
		return 400, map[string]string{"error": fmt.Sprintf("limit must be a whole number from 1 to %d", historyKept)}
	}
	list, err := c.lastMessages(ctx, room, n)
	if err != nil {
		return 500, map[string]string{"error": "internal error"}
	}
	return 200, map[string]any{"room": room, "messages": list}
}

func (c *chat) users(ctx context.Context, room, authorization string) (int, any) {
	if c.bearerUser(authorization) == "" {
		return 401, map[string]string{"error": "a valid bearer token is required"}
	}
	names, err := c.rdb.SMembers(ctx, c.usersKey(room)).Result()
	if err != nil {
		return 500, map[string]string{"error": "internal error"}
	}
	sort.Strings(names)
	return 200, map[string]any{"room": room, "users": names}
}

func send(ctx context.Context, conn *websocket.Conn, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return conn.Write(ctx, websocket.MessageText, data)
}

// serve runs one WebSocket connection to /rooms/{room} from its start to its end.
func (c *chat) serve(ctx context.Context, conn *websocket.Conn, room string, query url.Values) {
	// The name comes from the verified token, never from what the client says it is.
	name := c.userFrom(query.Get("token"))
	if name == "" {
		conn.Close(websocket.StatusCode(4401), "invalid or missing token")
		return
	}
	defer conn.CloseNow()
	me := &client{conn: conn, name: name}
	if err := c.rdb.SAdd(ctx, c.usersKey(room), name).Err(); err != nil {
		log.Print(err)
		return
	}
	joined := false
	defer func() { c.leave(me, room, joined) }()
	if err := c.subscribe(ctx, room); err != nil {
		log.Print(err)
		return
	}
	if send(ctx, conn, map[string]string{"type": "welcome", "room": room, "name": name}) != nil {
		return
	}
	if query.Has("history") {
		count, _ := strconv.Atoi(query.Get("history"))
		count = max(0, min(count, historyKept))
		list := []json.RawMessage{}
		if count > 0 {
			var err error
			if list, err = c.lastMessages(ctx, room, count); err != nil {
				return
			}
		}
		if send(ctx, conn, map[string]any{"type": "history", "messages": list}) != nil {
			return
		}
	}
	c.mu.Lock()
	if c.rooms[room] == nil {
		c.rooms[room] = map[*client]bool{}
	}
	c.rooms[room][me] = true
	c.mu.Unlock()
	joined = true
	c.publish(ctx, room, map[string]string{"type": "join", "room": room, "name": name, "at": now()})

	for {
		kind, data, err := conn.Read(ctx)
		if err != nil {
			return
		}
		if kind != websocket.MessageText {
			_ = send(ctx, conn, map[string]string{"type": "error", "error": "invalid_message"})
			continue
		}
		c.onMessage(ctx, me, room, data)
	}
}

func (c *chat) onMessage(ctx context.Context, me *client, room string, data []byte) {
	var frame struct {
		Type string  `json:"type"`
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(data, &frame); err != nil || frame.Type != "message" || frame.Text == nil ||
		strings.TrimSpace(*frame.Text) == "" || utf8.RuneCountInString(*frame.Text) > maxText {
		_ = send(ctx, me.conn, map[string]string{"type": "error", "error": "invalid_message"})
		return
	}
	if !c.allowed(me.name) {
		_ = send(ctx, me.conn, map[string]string{"type": "error", "error": "rate_limited"})
		return
	}
	event, _ := json.Marshal(map[string]string{"type": "message", "room": room, "from": me.name, "text": *frame.Text, "at": now()})
	// Stored by this instance only, and published; it reaches the sockets (the sender's too) back
	// from the channel. One transaction keeps the list and the channel in the same order.
	_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.RPush(ctx, c.historyKey(room), event)
		p.LTrim(ctx, c.historyKey(room), -historyKept, -1)
		p.Publish(ctx, c.channel(room), event)
		return nil
	})
	if err != nil {
		log.Print(err)
	}
}

func (c *chat) allowed(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	moment := time.Now()
	recent := c.sent[name][:0:0]
	for _, t := range c.sent[name] {
		if moment.Sub(t) < c.rateWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) >= c.rateLimit {
		c.sent[name] = recent
		return false
	}
	c.sent[name] = append(recent, moment)
	return true
}

func (c *chat) leave(me *client, room string, joined bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	c.mu.Lock()
	delete(c.rooms[room], me)
	stillHere := false
	for other := range c.rooms[room] {
		if other.name == me.name {
			stillHere = true
		}
	}
	c.mu.Unlock()
	if !stillHere {
		c.rdb.SRem(ctx, c.usersKey(room), me.name)
	}
	if joined {
		c.publish(ctx, room, map[string]string{"type": "leave", "room": room, "name": me.name, "at": now()})
	}
}

func (c *chat) publish(ctx context.Context, room string, event any) {
	data, _ := json.Marshal(event)
	if err := c.rdb.Publish(ctx, c.channel(room), data).Err(); err != nil {
		log.Print(err)
	}
}

// subscribe subscribes this instance to the room's channel once, and waits until Redis confirms:
// pub/sub keeps nothing, so events published before that would be lost.
func (c *chat) subscribe(ctx context.Context, room string) error {
	channel := c.channel(room)
	c.mu.Lock()
	confirmed, ok := c.subscriptions[channel]
	if !ok {
		confirmed = make(chan struct{})
		c.subscriptions[channel] = confirmed
	}
	c.mu.Unlock()
	if !ok {
		if err := c.pubsub.Subscribe(ctx, channel); err != nil {
			return err
		}
	}
	select {
	case <-confirmed:
		return nil
	case <-time.After(5 * time.Second):
		return errors.New("Redis did not confirm the subscription")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// read passes every message of the subscribed channels to this instance's sockets in that room.
func (c *chat) read() {
	for msg := range c.pubsub.ChannelWithSubscriptions() {
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind == "subscribe" {
				c.mu.Lock()
				if ch, ok := c.subscriptions[m.Channel]; ok {
					select {
					case <-ch:
					default:
						close(ch)
					}
				}
				c.mu.Unlock()
			}
		case *redis.Message:
			room := strings.TrimPrefix(m.Channel, c.keyPrefix+"chat:")
			c.mu.Lock()
			targets := make([]*client, 0, len(c.rooms[room]))
			for cl := range c.rooms[room] {
				targets = append(targets, cl)
			}
			c.mu.Unlock()
			for _, cl := range targets {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				_ = cl.conn.Write(ctx, websocket.MessageText, []byte(m.Payload))
				cancel()
			}
		}
	}
}
