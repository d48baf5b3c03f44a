// Package extract turns numeric mentions into claims: what is counted (the metric, from the
// counted noun and a cue verb near the number), for whom (the subject, from entity aliases in
// the clause), over what time (a stated period, else "as of" the article date), at what rate
// (يومياً, a month) and on whose word (بحسب, according to). Everything it knows of words
// comes from the pack's lexicons; nothing here names a metric or an entity.
package extract
