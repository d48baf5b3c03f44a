package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/source"
)

// Archive checks a draft's extraction against what the server serves: a corpus read once at
// start (Static) or a claim index (Indexed). It must be safe for concurrent calls.
type Archive func(ctx context.Context, draft *checker.Extraction) (*report.Result, error)

// Static checks every draft against one Extraction, read once.
func Static(c *checker.Checker, archive *checker.Extraction) Archive {
	return func(ctx context.Context, draft *checker.Extraction) (*report.Result, error) {
		return c.CheckDraft(ctx, draft, archive)
	}
}

// Indexed checks each draft against its candidates in a claim index. Wrapped in an
// index.Cache, the store lets drafts about the same subjects share one read of them.
func Indexed(c *checker.Checker, store index.Store) Archive {
	return func(ctx context.Context, draft *checker.Extraction) (*report.Result, error) {
		return c.CheckAgainstIndex(ctx, store, draft)
	}
}

// DefaultMaxBytes caps a request body: a long feature is some tens of kilobytes.
const DefaultMaxBytes = 1 << 20

// Server answers draft checks. Build it with New; it is safe for concurrent use.
type Server struct {
	checker  *checker.Checker
	archive  Archive
	articles int
	probe    func(ctx context.Context) error
	maxBytes int64
	now      func() time.Time
	log      *log.Logger
	page     page
	// slots bounds the checks running at once to the processors: more would only share them
	// and make every answer late.
	slots chan struct{}
}

// Option configures a Server.
type Option func(*Server)

// WithMaxBytes refuses request bodies over n bytes with 413, without reading the rest.
func WithMaxBytes(n int64) Option { return func(s *Server) { s.maxBytes = n } }

// WithClock sets what "today" is: the date of a draft that gives none.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithLog logs each request (method, path, status, duration) and server errors.
func WithLog(logger *log.Logger) Option { return func(s *Server) { s.log = logger } }

// WithConcurrency sets how many checks run at once (default GOMAXPROCS); the other
// requests wait their turn.
func WithConcurrency(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.slots = make(chan struct{}, n)
		}
	}
}

// WithArchiveSize says how many articles the archive holds, for /healthz.
func WithArchiveSize(articles int) Option { return func(s *Server) { s.articles = articles } }

// WithProbe gives /healthz a check of what the server depends on (a claim index's
// database): while it fails, /healthz answers 503 with its error, so that a load balancer or
// supervisor sees a server that could not check drafts.
func WithProbe(probe func(ctx context.Context) error) Option {
	return func(s *Server) { s.probe = probe }
}

// New returns a Server checking drafts with c against archive.
func New(c *checker.Checker, archive Archive, options ...Option) *Server {
	s := &Server{checker: c, archive: archive, maxBytes: DefaultMaxBytes, now: time.Now, page: newPage(), slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
	for _, option := range options {
		option(s)
	}
	return s
}

// Handler routes the API and the page.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/check", s.check)
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/check" || r.URL.Path == "/healthz" || r.URL.Path == "/" {
			allowed := map[string]string{"/v1/check": "POST", "/healthz": "GET, HEAD", "/": "GET, HEAD"}[r.URL.Path]
			w.Header().Set("Allow", allowed)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: method not allowed (use %s)", r.Method, r.URL.Path, allowed), nil)
			return
		}
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s: not found (try POST /v1/check, GET /healthz or GET /)", r.URL.Path), nil)
	})
	return s.logged(mux)
}

// Serve answers on listener until ctx ends, then stops taking connections and lets the
// requests under way finish (for up to 10 seconds).
func (s *Server) Serve(ctx context.Context, listener net.Listener) error {
	server := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.log,
	}
	failed := make(chan error, 1)
	go func() { failed <- server.Serve(listener) }()
	select {
	case err := <-failed:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-failed; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// Request is the JSON form of a draft check.
type Request struct {
	Text     string `json:"text"`
	Date     string `json:"date,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Language string `json:"language,omitempty"`
	Title    string `json:"title,omitempty"`
}

// ErrorBody is what every failed request returns.
type ErrorBody struct {
	Error string `json:"error"`
	// Errors are positioned problems, when there are some (a draft that cannot be read).
	Errors []*source.Error `json:"errors,omitempty"`
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > s.maxBytes {
		s.tooLarge(w)
		return
	}
	mediaType := "text/plain"
	if header := r.Header.Get("Content-Type"); header != "" {
		parsed, params, err := mime.ParseMediaType(header)
		if err != nil {
			writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: %v", header, err), nil)
			return
		}
		if charset := strings.ToLower(params["charset"]); charset != "" && charset != "utf-8" && charset != "utf8" {
			writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("charset %q: send the draft in UTF-8", charset), nil)
			return
		}
		mediaType = parsed
	}
	// curl --data-binary sends the form type by default: the body is still the draft as is.
	if strings.HasPrefix(mediaType, "text/") || mediaType == "application/x-www-form-urlencoded" {
		mediaType = "text/plain"
	}
	if mediaType != "text/plain" && mediaType != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: send text/plain (the draft) or application/json ({\"text\": …})", mediaType), nil)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.tooLarge(w)
			return
		}
		writeError(w, http.StatusBadRequest, fmt.Sprintf("read request: %v", err), nil)
		return
	}
	if !utf8.Valid(body) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("the draft is not valid UTF-8 (first bad byte at offset %d): send it in UTF-8", invalidOffset(body)), nil)
		return
	}
	request := Request{Date: r.URL.Query().Get("date"), Outlet: r.URL.Query().Get("outlet"), Language: r.URL.Query().Get("language"), Title: r.URL.Query().Get("title")}
	if mediaType == "application/json" {
		if message := decodeRequest(body, &request); message != "" {
			writeError(w, http.StatusBadRequest, message, nil)
			return
		}
	} else {
		request.Text = string(body)
	}
	if strings.TrimSpace(request.Text) == "" {
		writeError(w, http.StatusBadRequest, "empty draft: send the draft's text", nil)
		return
	}
	if request.Date == "" {
		request.Date = s.now().Format("2006-01-02")
	} else if _, err := time.Parse("2006-01-02", request.Date); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("date %q: expected YYYY-MM-DD", request.Date), nil)
		return
	}
	switch request.Language {
	case "", "ar", "en":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("language %q: expected ar, en or nothing (detected)", request.Language), nil)
		return
	}
	ctx := r.Context()
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-ctx.Done():
		writeError(w, http.StatusServiceUnavailable, "the request was cancelled while waiting for its turn", nil)
		return
	}
	draft, err := s.checker.ExtractDraft(ctx, checker.Draft{Name: "draft", Text: strings.NewReader(request.Text),
		Date: request.Date, Outlet: request.Outlet, Language: request.Language, Title: request.Title})
	if err != nil {
		var list source.ErrorList
		errors.As(err, &list)
		writeError(w, http.StatusBadRequest, err.Error(), list)
		return
	}
	result, err := s.archive(ctx, draft)
	if err != nil {
		status := http.StatusInternalServerError // the archive could not be read
		if ctx.Err() != nil {
			status = http.StatusServiceUnavailable
		}
		writeError(w, status, fmt.Sprintf("check draft: %v", err), nil)
		return
	}
	// The contract of --format json, compact: re-indenting costs a fifth of a request.
	out, err := report.AppendJSON(make([]byte, 0, 64<<10), result)
	if err != nil {
		writeError(w, http.StatusInternalServerError, fmt.Sprintf("write result: %v", err), nil)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(out, '\n'))
}

func (s *Server) tooLarge(w http.ResponseWriter) {
	// The rest of the body is not read: closing the connection is cheaper than draining it.
	w.Header().Set("Connection", "close")
	writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("draft too large: the limit is %d bytes", s.maxBytes), nil)
}

// decodeRequest reads the JSON form strictly; the message says where it went wrong.
func decodeRequest(body []byte, request *Request) string {
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(request); err != nil {
		var syntax *json.SyntaxError
		var typeError *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			return fmt.Sprintf("malformed JSON at byte %d: %v", syntax.Offset, err)
		case errors.As(err, &typeError):
			return fmt.Sprintf("malformed JSON: %q must be a %s, at byte %d", typeError.Field, typeError.Type, typeError.Offset)
		case errors.Is(err, io.EOF):
			return "malformed JSON: the body is empty (send {\"text\": \"…\"})"
		}
		return "malformed JSON: " + err.Error()
	}
	if decoder.More() {
		return "malformed JSON: more than one value in the body"
	}
	return ""
}

func invalidOffset(body []byte) int {
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// Health is the /healthz body.
type Health struct {
	Status   string `json:"status"` // ok, or unavailable with Error
	Version  string `json:"version"`
	Packs    string `json:"packs"`
	Articles int    `json:"articles"` // when the server started
	Error    string `json:"error,omitempty"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	health := Health{Status: "ok", Version: checker.Version, Packs: s.checker.Pack().Version, Articles: s.articles}
	if s.probe != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := s.probe(ctx); err != nil {
			health.Status, health.Error = "unavailable", err.Error()
			writeJSON(w, http.StatusServiceUnavailable, health)
			return
		}
	}
	writeJSON(w, http.StatusOK, health)
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	header := w.Header()
	header.Set("Content-Type", "text/html; charset=utf-8")
	header.Set("Content-Security-Policy", s.page.policy)
	header.Set("X-Content-Type-Options", "nosniff")
	header.Set("X-Frame-Options", "DENY")
	header.Set("Referrer-Policy", "no-referrer")
	header.Set("Cache-Control", "no-cache")
	w.Write(s.page.html)
}

func writeError(w http.ResponseWriter, status int, message string, errs source.ErrorList) {
	writeJSON(w, status, ErrorBody{Error: message, Errors: errs})
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)
	encoder.Encode(value)
}

// statusWriter remembers the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (s *Server) logged(next http.Handler) http.Handler {
	if s.log == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		recorder := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(recorder, r)
		s.log.Printf("%s %s %d %s", r.Method, r.URL.Path, recorder.status, time.Since(start).Round(time.Microsecond))
	})
}
