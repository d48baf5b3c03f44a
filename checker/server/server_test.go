package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/report"
	"github.com/claimcheck/claimcheck/checker/server"
)

// twitterDraft restates, with another figure, what the archive says Twitter suspended in the
// second half of 2017; the sentence is built from the archive's own claim, so the test does
// not depend on which seed holds it.
func twitterDraft() (text string, published report.Article) {
	for _, article := range archive.Articles {
		for _, m := range article.Mentions {
			if m.IsClaim && m.Subject == "twitter" && !m.Period.AsOf && m.Period.From.Month() == time.July && m.Period.To.Year() == 2017 {
				return "قالت تويتر إنها أوقفت 900 ألف حساب خلال النصف الثاني من عام 2017 بسبب الترويج للإرهاب.", article
			}
		}
	}
	Fail("the archive has no Twitter figure for the second half of 2017")
	return "", report.Article{}
}

// selfContradiction is a draft whose two figures disagree with each other (a rule test of the
// default pack).
const selfContradiction = "تقول إدارة تطبيق «تليجرام» إنها تقوم بإغلاق 60 قناة مرتبطة بداعش يومياً، وأن هذا الرقم يصل إلى أكثر من 2000 قناة شهرياً."

func newServer(options ...server.Option) *httptest.Server {
	options = append([]server.Option{server.WithClock(func() time.Time { return time.Date(2018, 5, 1, 0, 0, 0, 0, time.UTC) })}, options...)
	ts := httptest.NewServer(server.New(shared, server.Static(shared, archive), options...).Handler())
	DeferCleanup(ts.Close)
	return ts
}

func post(url, contentType string, body io.Reader) (int, []byte) {
	GinkgoHelper()
	response, err := http.Post(url, contentType, body)
	Expect(err).NotTo(HaveOccurred())
	defer response.Body.Close()
	data, err := io.ReadAll(response.Body)
	Expect(err).NotTo(HaveOccurred())
	return response.StatusCode, data
}

func decodeResult(data []byte) *report.Result {
	GinkgoHelper()
	var result report.Result
	Expect(json.Unmarshal(data, &result)).To(Succeed(), string(data))
	return &result
}

func decodeError(data []byte) server.ErrorBody {
	GinkgoHelper()
	var body server.ErrorBody
	Expect(json.Unmarshal(data, &body)).To(Succeed(), string(data))
	Expect(body.Error).NotTo(BeEmpty())
	return body
}

// healthy asserts the server still answers after a bad request.
func healthy(ts *httptest.Server) {
	GinkgoHelper()
	response, err := http.Get(ts.URL + "/healthz")
	Expect(err).NotTo(HaveOccurred())
	defer response.Body.Close()
	Expect(response.StatusCode).To(Equal(http.StatusOK))
	var health server.Health
	Expect(json.NewDecoder(response.Body).Decode(&health)).To(Succeed())
	Expect(health.Status).To(Equal("ok"))
}

var _ = Describe("POST /v1/check over loopback", func() {
	It("answers a JSON draft with the JSON contract, naming the published article, its outlet and date", func() {
		ts := newServer()
		text, published := twitterDraft()
		request, _ := json.Marshal(server.Request{Text: text, Date: "2018-05-01", Outlet: "Draft desk"})
		status, data := post(ts.URL+"/v1/check", "application/json", bytes.NewReader(request))
		Expect(status).To(Equal(http.StatusOK), string(data))
		// The same contract as check --format json: the same top-level keys, in one object.
		var body map[string]json.RawMessage
		Expect(json.Unmarshal(data, &body)).To(Succeed())
		var contract bytes.Buffer
		Expect(report.JSON{}.Format(&contract, &report.Result{})).To(Succeed())
		var want map[string]json.RawMessage
		Expect(json.Unmarshal(contract.Bytes(), &want)).To(Succeed())
		Expect(keysOf(body)).To(ConsistOf(keysOf(want)))
		Expect(string(body["schema_version"])).To(Equal(`"1"`))
		result := decodeResult(data)
		Expect(result.Findings).To(HaveLen(1))
		finding := result.Findings[0]
		Expect(finding.Rule).To(Equal("conflicting_figures"))
		var articles []string
		for _, c := range finding.Claims {
			articles = append(articles, c.Article)
			if c.Article == published.Path {
				Expect(c.Outlet).To(Equal(published.Outlet))
				Expect(c.ArticleDate.Format("2006-01-02")).To(Equal(published.Date))
			} else {
				Expect(c.Article).To(Equal("draft"))
				Expect(c.Outlet).To(Equal("Draft desk"))
			}
		}
		Expect(articles).To(ConsistOf("draft", published.Path))
		Expect(result.Articles[0].Path).To(Equal("draft"))
		Expect(result.Articles[0].Mentions).NotTo(BeEmpty(), "the page highlights the draft's numbers from these")
	})

	It("takes the draft as plain text, with date and outlet in the query", func() {
		ts := newServer()
		status, data := post(ts.URL+"/v1/check?date=2018-05-01&outlet=Desk", "text/plain; charset=utf-8", strings.NewReader(selfContradiction))
		Expect(status).To(Equal(http.StatusOK), string(data))
		result := decodeResult(data)
		Expect(result.Findings).To(HaveLen(1))
		Expect(result.Findings[0].Rule).To(Equal("rate_mismatch"))
		for _, c := range result.Findings[0].Claims {
			Expect(c.Article).To(Equal("draft"))
			Expect(c.Outlet).To(Equal("Desk"))
		}
	})

	It("cites the published article too when the draft repeats its figures word for word", func() {
		ts := newServer()
		var published report.Article
		for _, article := range archive.Articles {
			for _, m := range article.Mentions {
				if m.Metric == "channels_closed" && m.Rate == "day" {
					published = article
				}
			}
		}
		Expect(published.Path).NotTo(BeEmpty())
		status, data := post(ts.URL+"/v1/check?date="+published.Date, "text/plain", strings.NewReader(selfContradiction))
		Expect(status).To(Equal(http.StatusOK), string(data))
		result := decodeResult(data)
		Expect(result.Findings).To(HaveLen(1))
		var articles []string
		for _, c := range result.Findings[0].Claims {
			articles = append(articles, c.Article)
		}
		Expect(articles).To(ContainElements("draft", published.Path))
	})

	It("reports nothing for a draft that agrees with the archive, though the archive disagrees with itself", func() {
		ts := newServer()
		status, data := post(ts.URL+"/v1/check", "text/plain", strings.NewReader("The minister said 12 schools reopened on Monday."))
		Expect(status).To(Equal(http.StatusOK))
		Expect(decodeResult(data).Findings).To(BeEmpty())
	})

	It("answers /healthz with 503 while its probe fails, and recovers", func() {
		var down atomic.Bool
		ts := newServer(server.WithProbe(func(context.Context) error {
			if down.Load() {
				return errors.New("query index: connection refused")
			}
			return nil
		}))
		healthy(ts)
		down.Store(true)
		response, err := http.Get(ts.URL + "/healthz")
		Expect(err).NotTo(HaveOccurred())
		defer response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusServiceUnavailable))
		var health server.Health
		Expect(json.NewDecoder(response.Body).Decode(&health)).To(Succeed())
		Expect(health.Status).To(Equal("unavailable"))
		Expect(health.Error).To(ContainSubstring("connection refused"))
		down.Store(false)
		healthy(ts)
	})

	It("answers /healthz and serves the page with a strict Content-Security-Policy", func() {
		ts := newServer(server.WithArchiveSize(len(archive.Articles)))
		healthy(ts)
		response, err := http.Get(ts.URL + "/")
		Expect(err).NotTo(HaveOccurred())
		defer response.Body.Close()
		page, _ := io.ReadAll(response.Body)
		Expect(response.StatusCode).To(Equal(http.StatusOK))
		policy := response.Header.Get("Content-Security-Policy")
		Expect(policy).To(ContainSubstring("default-src 'none'"))
		Expect(policy).To(ContainSubstring("script-src 'sha256-"))
		Expect(policy).NotTo(ContainSubstring("unsafe-inline"))
		Expect(string(page)).NotTo(MatchRegexp(`(src|href)=["']?(https?:)?//`), "the page loads nothing from elsewhere")
	})
})

// endless yields n bytes of 'a' without holding them, and counts what was read.
type endless struct {
	left int64
	read atomic.Int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	n := int64(len(p))
	if n > e.left {
		n = e.left
	}
	for i := range p[:n] {
		p[i] = 'a'
	}
	e.left -= n
	e.read.Add(n)
	return int(n), nil
}

var _ = Describe("against a claim index, through its cache", func() {
	It("sees an article indexed by another process while it serves", func() {
		ctx := context.Background()
		text, published := twitterDraft()
		var others []string
		for _, article := range archive.Articles {
			if article.Path != published.Path {
				others = append(others, article.Path)
			}
		}
		dsn := GinkgoT().TempDir() + "/index.db"
		opened, err := index.Open(ctx, dsn)
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(opened.Close)
		_, lost, err := shared.IndexAdd(ctx, opened, others)
		Expect(err).NotTo(HaveOccurred())
		Expect(lost).To(BeEmpty())
		cache := index.NewCache(opened, 0)
		ts := httptest.NewServer(server.New(shared, server.Indexed(shared, cache)).Handler())
		DeferCleanup(ts.Close)
		check := func() *report.Result {
			GinkgoHelper()
			status, data := post(ts.URL+"/v1/check?date=2018-05-01", "text/plain", strings.NewReader(text))
			Expect(status).To(Equal(http.StatusOK), string(data))
			return decodeResult(data)
		}
		Expect(check().Findings).To(BeEmpty())
		Expect(check().Findings).To(BeEmpty())
		Expect(cache.Stats().Hits).To(BeNumerically(">", 0), "the second draft is answered from memory")

		writer, err := index.Open(ctx, dsn) // as `claimcheck index add` from another process
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(writer.Close)
		_, lost, err = shared.IndexAdd(ctx, writer, []string{published.Path})
		Expect(err).NotTo(HaveOccurred())
		Expect(lost).To(BeEmpty())
		result := check()
		Expect(result.Findings).To(HaveLen(1))
		Expect(result.Findings[0].Claims).To(ContainElement(HaveField("Article", published.Path)))
	})
})

var _ = Describe("bad requests", func() {
	var ts *httptest.Server
	BeforeEach(func() { ts = newServer() })
	AfterEach(func() { healthy(ts) })

	DescribeTable("are refused with a JSON error, and the server keeps serving",
		func(contentType, body string, status int, message string) {
			got, data := post(ts.URL+"/v1/check", contentType, strings.NewReader(body))
			Expect(got).To(Equal(status), string(data))
			Expect(decodeError(data).Error).To(ContainSubstring(message))
		},
		Entry("an empty draft", "text/plain", "", 400, "empty draft"),
		Entry("a draft of blanks", "text/plain", " \n\t ", 400, "empty draft"),
		Entry("an empty JSON text", "application/json", `{"text": ""}`, 400, "empty draft"),
		Entry("a draft that is not UTF-8", "text/plain", "نص \xff\xfe", 400, "not valid UTF-8"),
		Entry("JSON that is not UTF-8", "application/json", "{\"text\": \"\xc3\x28\"}", 400, "not valid UTF-8"),
		Entry("malformed JSON", "application/json", `{"text": "نص"`, 400, "malformed JSON"),
		Entry("JSON with a wrong type", "application/json", `{"text": 12}`, 400, `"text" must be a string`),
		Entry("JSON with an unknown field", "application/json", `{"txet": "x"}`, 400, `unknown field "txet"`),
		Entry("two JSON values", "application/json", `{"text": "a"} {}`, 400, "more than one value"),
		Entry("an empty JSON body", "application/json", ``, 400, "the body is empty"),
		Entry("a bad date", "application/json", `{"text": "12 schools", "date": "1/5/2018"}`, 400, "expected YYYY-MM-DD"),
		Entry("an unknown language", "application/json", `{"text": "12 schools", "language": "fr"}`, 400, "expected ar, en"),
		Entry("a binary draft", "text/plain", "12\x00schools", 400, "binary"),
		Entry("another media type", "multipart/form-data; boundary=x", "--x--", 415, "send text/plain"),
		Entry("another charset", "text/plain; charset=latin1", "abc", 415, "UTF-8"),
	)

	It("refuses a 100 MB draft with 413 without reading it all, declared or streamed", func() {
		const size = 100 << 20
		body := &endless{left: size}
		request, err := http.NewRequest(http.MethodPost, ts.URL+"/v1/check", body)
		Expect(err).NotTo(HaveOccurred())
		request.ContentLength = size
		response, err := http.DefaultClient.Do(request)
		Expect(err).NotTo(HaveOccurred())
		data, _ := io.ReadAll(response.Body)
		response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusRequestEntityTooLarge))
		Expect(decodeError(data).Error).To(ContainSubstring("draft too large"))
		Expect(body.read.Load()).To(BeNumerically("<", size))

		// Chunked: no length to refuse up front, so the limit stops the reading.
		body = &endless{left: size}
		request, err = http.NewRequest(http.MethodPost, ts.URL+"/v1/check", io.MultiReader(body))
		Expect(err).NotTo(HaveOccurred())
		request.ContentLength = -1
		response, err = http.DefaultClient.Do(request)
		if err == nil {
			data, _ = io.ReadAll(response.Body)
			response.Body.Close()
			Expect(response.StatusCode).To(Equal(http.StatusRequestEntityTooLarge))
			Expect(decodeError(data).Error).To(ContainSubstring("draft too large"))
		} else {
			// The server may close the connection while the client still writes; what
			// matters is that it stopped reading.
			Expect(errors.Is(err, io.EOF) || strings.Contains(err.Error(), "reset") || strings.Contains(err.Error(), "broken pipe")).To(BeTrue(), err.Error())
		}
		Expect(body.read.Load()).To(BeNumerically("<", size))
	})

	It("answers 405 and 404 in JSON", func() {
		response, err := http.Get(ts.URL + "/v1/check")
		Expect(err).NotTo(HaveOccurred())
		data, _ := io.ReadAll(response.Body)
		response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusMethodNotAllowed))
		Expect(response.Header.Get("Allow")).To(Equal("POST"))
		decodeError(data)
		response, err = http.Get(ts.URL + "/v2/nothing")
		Expect(err).NotTo(HaveOccurred())
		data, _ = io.ReadAll(response.Body)
		response.Body.Close()
		Expect(response.StatusCode).To(Equal(http.StatusNotFound))
		decodeError(data)
	})
})

// loadSeconds bounds the concurrent load test; `make bench` runs it longer.
func loadSeconds() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("CLAIMCHECK_LOAD_SECONDS")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 2 * time.Second
}

var _ = Describe("under concurrent load", func() {
	It("answers 50 clients with the same findings and no error, sharing one checker and archive", func() {
		ts := newServer()
		text, _ := twitterDraft()
		_, expected := post(ts.URL+"/v1/check?date=2018-05-01", "text/plain", strings.NewReader(text))
		want := decodeResult(expected)
		Expect(want.Findings).To(HaveLen(1))

		const clients = 50
		deadline := time.Now().Add(loadSeconds())
		var wait sync.WaitGroup
		var requests, failures atomic.Int64
		var firstFailure atomic.Value
		fail := func(format string, args ...any) {
			failures.Add(1)
			firstFailure.CompareAndSwap(nil, fmt.Sprintf(format, args...))
		}
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
		defer client.CloseIdleConnections()
		for i := 0; i < clients; i++ {
			wait.Add(1)
			go func(i int) {
				defer GinkgoRecover()
				defer wait.Done()
				for n := 0; time.Now().Before(deadline); n++ {
					body, contentType, status := strings.NewReader(text), "text/plain", http.StatusOK
					if (i+n)%10 == 0 { // a bad request now and then: it must not disturb the others
						body, contentType, status = strings.NewReader(`{"text":`), "application/json", http.StatusBadRequest
					}
					response, err := client.Post(ts.URL+"/v1/check?date=2018-05-01", contentType, body)
					if err != nil {
						fail("client %d: %v", i, err)
						return
					}
					data, err := io.ReadAll(response.Body)
					response.Body.Close()
					requests.Add(1)
					if err != nil || response.StatusCode != status {
						fail("client %d: status %d: %s", i, response.StatusCode, data)
						continue
					}
					if status != http.StatusOK {
						continue
					}
					var got report.Result
					if err := json.Unmarshal(data, &got); err != nil || len(got.Findings) != 1 || got.Findings[0].Fingerprint != want.Findings[0].Fingerprint {
						fail("client %d: unexpected answer: %s", i, data)
					}
				}
			}(i)
		}
		wait.Wait()
		Expect(failures.Load()).To(BeZero(), "%v", firstFailure.Load())
		Expect(requests.Load()).To(BeNumerically(">=", clients))
		GinkgoWriter.Printf("%d requests from %d clients in %s\n", requests.Load(), clients, loadSeconds())
	})
})

var _ = Describe("Serve", func() {
	It("finishes the requests under way when its context ends, then stops listening", func() {
		release := make(chan struct{})
		entered := make(chan struct{}, 1)
		slow := func(ctx context.Context, draft *checker.Extraction) (*report.Result, error) {
			entered <- struct{}{}
			<-release
			return shared.CheckDraft(ctx, draft, archive)
		}
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		address := "http://" + listener.Addr().String()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		served := make(chan error, 1)
		go func() { served <- server.New(shared, slow).Serve(ctx, listener) }()

		answered := make(chan int, 1)
		go func() {
			defer GinkgoRecover()
			response, err := http.Post(address+"/v1/check", "text/plain", strings.NewReader(selfContradiction))
			Expect(err).NotTo(HaveOccurred())
			io.Copy(io.Discard, response.Body)
			response.Body.Close()
			answered <- response.StatusCode
		}()
		Eventually(entered).Should(Receive())
		cancel()
		// Shutting down: new connections are refused while the request under way waits.
		Eventually(func() error {
			connection, err := net.Dial("tcp", listener.Addr().String())
			if err == nil {
				connection.Close()
			}
			return err
		}).Should(HaveOccurred())
		Expect(served).NotTo(Receive())
		close(release)
		Eventually(answered).Should(Receive(Equal(http.StatusOK)))
		Eventually(served).Should(Receive(BeNil()))
	})

	It("reports a listener that fails", func() {
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		Expect(err).NotTo(HaveOccurred())
		listener.Close()
		Expect(server.New(shared, server.Static(shared, archive)).Serve(context.Background(), listener)).To(MatchError(ContainSubstring("serve")))
	})
})

func keysOf(m map[string]json.RawMessage) []string {
	var keys []string
	for key := range m {
		keys = append(keys, key)
	}
	return keys
}
