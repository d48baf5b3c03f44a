package numbers

import "math"

// core reads the number that starts at token i: digits with a scale word, number words,
// a vague amount or a fraction.
func (st *state) core(i int) (core, bool) {
	if st.number(i) {
		return st.digitsCore(i), true
	}
	e := st.word(i)
	if e == nil {
		return core{}, false
	}
	if e.has(fEnglish) || e.has(fArticle) {
		return st.englishCore(i)
	}
	switch e.role {
	case roleVague, roleScalePlural:
		return st.vagueCore(i), true
	case roleFraction:
		c := core{from: i, to: i + 1, ns: st.startOf(i), ne: int(st.toks[i].end), value: e.value, fraction: true}
		return c, true
	}
	return st.arabicCore(i)
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

func pow(k int) float64 {
	if k < len(pow10) {
		return pow10[k]
	}
	return math.Pow(10, float64(k))
}

// digitsCore reads a digit token, the thousands groups that follow it after single spaces
// ("26 000") and a scale word ("42 ألف", "1.2 مليون", "30k").
func (st *state) digitsCore(i int) core {
	t := &st.toks[i]
	rs := st.rs[t.start:t.end]
	c := core{from: i, to: i + 1, ns: int(t.start), ne: int(t.end), digits: true, scale: 1}
	// mantissa and decimals: the value is mant / 10^dec.
	var mant float64
	dec, dots, commas, lastGroup := 0, 0, 0, 0
	decimalDot := false
	for _, r := range rs {
		switch {
		case isDigit(r):
			mant = mant*10 + float64(r-'0')
			c.nDigits++
			lastGroup++
			if decimalDot {
				dec++
			}
		case r == ',':
			commas++
			lastGroup = 0
		case r == '.':
			dots++
			lastGroup = 0
			decimalDot = true
		}
	}
	ambiguous, decimalComma := false, false
	if commas == 1 && dots == 0 && lastGroup < 3 {
		decimalComma, dec = true, lastGroup
	}
	if dots > 0 {
		// Several dot groups are thousands (1.234.567); one dot with three digits after
		// is thousands in Arabic text (274.460) unless a scale word follows (636.248 ألف).
		switch {
		case dots > 1:
			dec = 0
		case lastGroup == 3 && commas == 0:
			ambiguous = true
			dec = 0
		}
	}
	c.plain = dots == 0 && commas == 0
	// "26 000": groups of exactly three digits after single spaces.
	j := i + 1
	if c.plain && c.nDigits <= 3 {
		// At most five groups: longer runs are no figure, and the cap keeps the scan linear.
		for j < len(st.toks) && j <= i+5 && st.number(j) && st.sameLine(j) && st.toks[j].start == st.toks[j-1].end+1 &&
			st.rs[st.toks[j-1].end] == ' ' && st.toks[j].end-st.toks[j].start == 3 && st.plainDigits(j) {
			for _, r := range st.rs[st.toks[j].start:st.toks[j].end] {
				mant = mant*10 + float64(r-'0')
			}
			c.nDigits += 3
			j++
		}
		if j > i+1 {
			c.reading = st.text.Slice(c.ns, int(st.toks[j-1].end)) + ": space read as thousands separator"
			c.plain, c.spaceGrouped = false, true
			c.to = j
			c.ne = int(st.toks[j-1].end)
		}
	}
	// Scale word.
	if e := st.bare(j); e != nil && st.sameLine(j) && (e.role == roleScale || e.role == roleScalePlural) {
		letters := st.toks[j].end - st.toks[j].start
		// "30k", "1.2m" must be glued; "m" after a space is metres.
		if !(e.has(fEnglish) && letters == 1 && st.toks[j].spaceBefore) {
			c.scale = e.value
			c.to = j + 1
			c.ne = int(st.toks[j].end)
			c.plain = false
		}
	}
	if decimalComma {
		c.reading = st.text.Slice(c.ns, int(t.end)) + ": comma read as decimal point"
		if c.scale == 1 {
			// Without a scale word "1,5" is more likely a list than a decimal.
			c.reading = st.text.Slice(c.ns, int(t.end)) + ": comma read as decimal point, no scale word follows"
		}
	}
	if ambiguous {
		if c.scale > 1 {
			dec = 3
			c.reading = st.text.Slice(c.ns, int(t.end)) + ": dot read as decimal point before a scale word"
		} else {
			c.reading = st.text.Slice(c.ns, int(t.end)) + ": dot read as thousands separator"
		}
	}
	c.value = mant * c.scale / pow(dec)
	// "274 ألف و460", "7 ملايين و500 ألف": a smaller figure joined by و adds to the scaled one.
	if c.scale >= 1000 && c.to+1 < len(st.toks) && st.bare(c.to) == st.l.waw && st.number(c.to+1) && st.glued(c.to+1) && st.sameLine(c.to+1) && st.plainDigits(c.to+1) {
		rest := st.digitsCore(c.to + 1)
		if rest.value > 0 && rest.value < c.scale {
			c.value += rest.value
			c.to, c.ne = rest.to, rest.ne
		}
	}
	return c
}

func (st *state) plainDigits(j int) bool {
	for _, r := range st.rs[st.toks[j].start:st.toks[j].end] {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

// vagueCore reads عشرات, آلاف, عدة and their scale: "عشرات الآلاف" is [20000, 99999].
func (st *state) vagueCore(i int) core {
	e := st.word(i)
	c := core{from: i, to: i + 1, ns: st.startOf(i), ne: int(st.toks[i].end), vague: true, value: math.NaN(), lo: e.lo, hi: e.hi}
	if e.role == roleScalePlural {
		c.lo, c.hi = e.lo*e.value, (e.hi+1)*e.value-1
	}
	j := i + 1
	if st.bare(j) == st.l.of && e.has(fEnglish) { // "tens of thousands"
		if n := st.bare(j + 1); n != nil && n.role == roleVague && n.value > 0 {
			c.lo, c.hi = c.lo*n.value, (c.hi+1)*n.value-1
			c.to = j + 2
			c.ne = int(st.toks[j+1].end)
			return c
		}
	}
	// "بضع مئات", "عدة آلاف": a few of a vague hundreds is [300, 999].
	if n := st.bare(j); n != nil && st.sameLine(j) && n.role == roleVague && e.role == roleVague && e.hi < 10 && n.lo >= 100 {
		unit := n.lo / 2
		c.lo, c.hi = c.lo*unit, (c.hi+1)*unit-1
		c.to = j + 1
		c.ne = int(st.toks[j].end)
		return c
	}
	if n := st.bare(j); n != nil && st.sameLine(j) && (n.role == roleScale || n.role == roleScalePlural) && e.role == roleVague {
		c.lo, c.hi = c.lo*n.value, (c.hi+1)*n.value-1
		c.to = j + 1
		c.ne = int(st.toks[j].end)
	}
	return c
}

// arabicCore reads Arabic number words: units, teens, tens, hundreds and scales joined by
// و in the Arabic order (ثلاثة وعشرين ألفاً, مائة وخمسون, ثلاثة آلاف وخمسمائة).
func (st *state) arabicCore(i int) (core, bool) {
	e := st.word(i)
	c := core{from: i, ns: st.startOf(i), scale: 1}
	if e.has(fDefinite) && !st.afterDefiniteNoun(i) {
		return c, false
	}
	var total, cur, lastVal float64
	last := roleNone
	lastScale := math.Inf(1)
	j := i
	switch e.role {
	case roleUnit, roleTens, roleHundred, roleHundredWord:
		cur, last, lastVal = e.value, e.role, e.value
		j++
	case roleTeenPrefix:
		if !st.bare(i + 1).has(fTeenSuffix) {
			return c, false
		}
		cur, last, lastVal = e.value+10, roleTens, e.value+10
		j += 2
	case roleScale:
		total, lastScale, last = e.value, e.value, roleScale
		j++
	case roleScaleDual:
		total, lastScale, last = e.value, e.value/2, roleScale
		j++
	default:
		return c, false
	}
	for j < len(st.toks) && st.sameLine(j) {
		n := st.word(j)
		if n == nil || n.has(fEnglish) || n.has(fDefinite) {
			break
		}
		if st.toks[j].clitic == 0 {
			switch {
			case n.has(fTeenSuffix) && last == roleUnit && lastVal < 10:
				cur += 10
				last, lastVal = roleTens, lastVal+10
				j++
				continue
			case n.role == roleHundredWord && last == roleUnit && lastVal < 10:
				cur += lastVal*100 - lastVal
				last = roleHundred
				j++
				continue
			case (n.role == roleScale || n.role == roleScalePlural) && last != roleScale && cur > 0 && n.value < lastScale:
				total += cur * n.value
				cur, lastScale, last = 0, n.value, roleScale
				j++
				continue
			}
			break
		}
		if !st.hasWaw(j) {
			break
		}
		v, width := n.value, 1
		r := n.role
		if r == roleTeenPrefix {
			if !st.bare(j + 1).has(fTeenSuffix) {
				break
			}
			v, width, r = v+10, 2, roleTens
		}
		ok := false
		switch last {
		case roleUnit:
			ok = r == roleTens && n.role == roleTens && cur < 10
		case roleHundred, roleHundredWord:
			ok = (r == roleUnit || r == roleTens) && cur < 1000
		case roleScale:
			ok = (r == roleUnit || r == roleTens || r == roleHundred || r == roleHundredWord ||
				r == roleScale || r == roleScaleDual) && v < lastScale
		}
		if !ok {
			break
		}
		if r == roleScale || r == roleScaleDual {
			total += v
			lastScale, last = v, roleScale
		} else {
			cur += v
			last, lastVal = r, v
		}
		j += width
	}
	c.to = j
	c.ne = int(st.toks[j-1].end)
	c.value = total + cur
	return c, true
}

// afterDefiniteNoun: "الأعوام الثلاثة" — a definite number is an adjective after a definite noun.
func (st *state) afterDefiniteNoun(i int) bool {
	p := i - 1
	if p < 0 || st.toks[p].kind != tokWord || st.toks[i].spaceBefore == false {
		return false
	}
	if e := st.word(p); e != nil && e.role != roleNone {
		return false
	}
	s, end := st.startOf(p), int(st.toks[p].end)
	// "والدول العشر", "للدول الأربع": a conjunction or preposition may be glued before ال.
	if end-s > 4 && (st.rs[s] == 'و' || st.rs[s] == 'ف' || st.rs[s] == 'ب') && st.rs[s+1] == 'ا' && st.rs[s+2] == 'ل' {
		s++
	} else if end-s > 3 && st.rs[s] == 'ل' && st.rs[s+1] == 'ل' {
		return true
	}
	return end-s > 3 && st.rs[s] == 'ا' && st.rs[s+1] == 'ل'
}

// englishCore reads English number words: "two hundred and fifty", "twenty-five",
// "a thousand", "a third", "several", "tens of thousands".
func (st *state) englishCore(i int) (core, bool) {
	c := core{from: i, ns: st.startOf(i), scale: 1}
	e := st.word(i)
	j := i
	var total, cur float64
	last := roleNone
	if e.has(fArticle) {
		n := st.bare(i + 1)
		switch {
		case n == nil:
			return c, false
		case n == st.l.dozen:
			c.to, c.ne, c.value = i+2, int(st.toks[i+1].end), 12
			return c, true
		case n == st.l.few:
			v := st.vagueCore(i + 1)
			v.lo, v.hi = 3, 9
			if s := st.bare(i + 2); s != nil && s.role == roleScale && s.has(fEnglish) {
				v.lo, v.hi = 3*s.value, 10*s.value-1
				v.to, v.ne = i+3, int(st.toks[i+2].end)
			}
			v.from, v.ns = i, c.ns
			return v, true
		case n.role == roleFraction && n.has(fEnglish):
			c.to, c.ne, c.value, c.fraction = i+2, int(st.toks[i+1].end), n.value, true
			return c, true
		case n.role == roleHundredWord || n.role == roleScale && n.has(fEnglish):
			cur, last = 1, roleUnit
			j = i + 1
		default:
			return c, false
		}
	}
	if e.role == roleVague {
		return st.vagueCore(i), true
	}
	if e.role == roleFraction {
		// "half of": a bare "half" is a fraction only before "of".
		if st.bare(i+1) != st.l.of || e.value != 0.5 {
			return c, false
		}
		c.to, c.ne, c.value, c.fraction = i+1, int(st.toks[i].end), e.value, true
		return c, true
	}
	for j < len(st.toks) && (j == i || st.sameLine(j)) {
		n := st.bare(j)
		if n == nil || !n.has(fEnglish) {
			// "twenty-five" and "two hundred and fifty".
			if last == roleTens && st.punct(j, '-') && st.glued(j) && st.glued(j+1) {
				if u := st.bare(j + 1); u != nil && u.role == roleUnit && u.has(fEnglish) && u.value < 10 && u.value > 0 {
					cur += u.value
					last = roleUnit
					j += 2
					continue
				}
			}
			if n.has(fAnd) && (last == roleHundredWord || last == roleScale) {
				if u := st.bare(j + 1); u != nil && u.has(fEnglish) && (u.role == roleUnit || u.role == roleTens) {
					j++
					continue
				}
			}
			break
		}
		switch n.role {
		case roleUnit:
			if last == roleUnit || last == roleTens && (n.value >= 10 || math.Mod(cur, 10) != 0) {
				goto done
			}
			cur += n.value
		case roleTens:
			if last == roleUnit || last == roleTens {
				goto done
			}
			cur += n.value
		case roleHundredWord:
			if last == roleHundredWord || math.Mod(cur, 1000) >= 100 {
				goto done
			}
			cur = math.Max(cur, 1) * 100
		case roleScale:
			if last == roleNone && j > i || n.value < 1000 || len(st.rs[st.toks[j].start:st.toks[j].end]) <= 2 {
				goto done
			}
			total += math.Max(cur, 1) * n.value
			cur = 0
		case roleFraction:
			// "two thirds", "one third".
			if last == roleUnit && cur > 0 && cur < 10 && total == 0 {
				c.to, c.ne, c.value, c.fraction = j+1, int(st.toks[j].end), cur*n.value, true
				return c, true
			}
			goto done
		default:
			goto done
		}
		last = n.role
		j++
	}
done:
	if j == i || last == roleNone {
		return c, false
	}
	c.to = j
	c.ne = int(st.toks[j-1].end)
	c.value = total + cur
	return c, true
}
