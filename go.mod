module github.com/claimcheck/claimcheck

go 1.26.8

require golang.org/x/text v0.38.0
