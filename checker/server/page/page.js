"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("draft-form"), textarea = $("draft"), button = $("check"), status = $("status");

  // The direction of a block is that of its first strong character (Unicode bidi rule P2),
  // so each paragraph of a mixed draft lays out on its own.
  const strong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  const direction = (text) => {
    const match = strong.exec(text);
    return match && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(match[0]) ? "rtl" : "ltr";
  };
  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== "") node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  };

  const today = new Date();
  $("date").value = today.toISOString().slice(0, 10);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Offsets in the answer count characters (code points) of the text as sent.
    const text = textarea.value.replace(/^\uFEFF/, "");
    if (text.trim() === "") { say("Paste a draft first.", true); return; }
    button.disabled = true;
    say("Checking…");
    try {
      const response = await fetch("v1/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, date: $("date").value, outlet: $("outlet").value }),
      });
      const body = await response.json();
      if (!response.ok) { say(body.error || ("HTTP " + response.status), true); return; }
      show(text, body);
      const n = body.findings.length;
      say(n === 0 ? "No conflict found." : n + (n === 1 ? " conflict found." : " conflicts found."));
    } catch (error) {
      say("The check failed: " + error.message, true);
    } finally {
      button.disabled = false;
    }
  });

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  function show(text, result) {
    const draft = (result.articles || [])[0];
    const mentions = draft ? draft.mentions : [];
    // Which draft figures a finding cites, by start offset.
    const conflictOf = new Map();
    result.findings.forEach((finding, index) => {
      for (const claim of finding.claims) {
        if (draft && claim.article === draft.path && !conflictOf.has(claim.start)) conflictOf.set(claim.start, index);
      }
    });
    renderText(text, mentions, conflictOf);
    renderConflicts(result, draft ? draft.path : "");
    $("count").textContent = "(" + result.findings.length + ")";
    $("result").classList.remove("hidden");
  }

  // renderText writes the draft paragraph by paragraph, each with its direction, and marks
  // every number found: claims in yellow, claims in a conflict in red.
  function renderText(text, mentions, conflictOf) {
    const container = $("text");
    container.replaceChildren();
    const characters = Array.from(text);
    const sorted = mentions.slice().sort((a, b) => a.start - b.start);
    let next = 0, paragraph = null, offset = 0;
    const newParagraph = (from) => {
      let end = characters.indexOf("\n", from);
      if (end < 0) end = characters.length;
      paragraph = element("p", { dir: direction(characters.slice(from, end).join("")) });
      container.append(paragraph);
    };
    newParagraph(0);
    while (offset < characters.length) {
      const mention = sorted[next];
      if (mention && mention.start === offset && mention.end > offset) {
        const classes = ["number"];
        if (mention.is_claim) classes.push("claim");
        const conflict = conflictOf.get(mention.start);
        if (conflict !== undefined) classes.push("conflict");
        const mark = element("mark", { class: classes.join(" "), "data-start": mention.start, "data-finding": conflict,
          title: mention.is_claim ? (mention.metric || "figure") + (mention.subject ? " · " + mention.subject : "") : (mention.kind || "") },
          characters.slice(mention.start, mention.end).join(""));
        if (conflict !== undefined) mark.addEventListener("click", () => focusCard(conflict));
        paragraph.append(mark);
        offset = mention.end;
        next++;
        continue;
      }
      if (mention && mention.start < offset) { next++; continue; } // overlaps the previous one
      if (characters[offset] === "\n") {
        offset++;
        while (offset < characters.length && characters[offset] === "\n") offset++;
        if (offset < characters.length) newParagraph(offset);
        continue;
      }
      const stop = Math.min(sorted[next] ? sorted[next].start : characters.length, nextBreak(characters, offset));
      paragraph.append(characters.slice(offset, Math.max(stop, offset + 1)).join(""));
      offset = Math.max(stop, offset + 1);
    }
  }

  function nextBreak(characters, from) {
    const i = characters.indexOf("\n", from);
    return i < 0 ? characters.length : i;
  }

  function renderConflicts(result, draftPath) {
    const container = $("conflicts");
    container.replaceChildren();
    if (result.findings.length === 0) {
      container.append(element("p", { class: "none" }, "No figure of this draft contradicts the archive or itself."));
    }
    result.findings.forEach((finding, index) => {
      const card = element("article", { class: "card", "data-severity": finding.severity, "data-finding": index, id: "finding-" + index },
        element("header", {}, element("span", { class: "badge sev-" + finding.severity }, finding.severity), " ",
          element("span", { class: "rule" }, finding.rule)),
        element("p", { class: "message", dir: "auto" }, finding.message));
      if (finding.explanation) card.append(element("p", { class: "explanation", dir: "auto" }, "= " + finding.explanation));
      for (const claim of finding.claims) {
        const inDraft = claim.article === draftPath;
        const source = element("p", { class: "source" });
        if (inDraft) {
          source.append(element("strong", {}, "This draft"), ", line " + claim.line);
        } else {
          source.append("Published: ", element("strong", { class: "article" }, claim.article));
          const meta = [claim.outlet, claim.date].filter(Boolean).join(", ");
          if (meta) source.append(" (" + meta + ")");
        }
        const characters = Array.from(claim.sentence || "");
        const from = claim.start - claim.sentence_start, to = claim.end - claim.sentence_start;
        const sentence = element("p", { class: "sentence", dir: direction(claim.sentence || "") });
        if (from >= 0 && to <= characters.length && from < to) {
          sentence.append(characters.slice(0, from).join(""), element("mark", {}, characters.slice(from, to).join("")), characters.slice(to).join(""));
        } else {
          sentence.append(claim.sentence || claim.text);
        }
        card.append(element("div", { class: "side" + (inDraft ? " in-draft" : " published") }, source, sentence));
      }
      card.addEventListener("click", () => focusNumber(index));
      container.append(card);
    });
  }

  function clearActive() {
    document.querySelectorAll(".active").forEach((node) => node.classList.remove("active"));
  }
  function focusCard(index) {
    clearActive();
    const card = $("finding-" + index);
    if (card) { card.classList.add("active"); card.scrollIntoView({ block: "nearest" }); }
    document.querySelectorAll('mark.conflict[data-finding="' + index + '"]').forEach((mark) => mark.classList.add("active"));
  }
  function focusNumber(index) {
    focusCard(index);
    const mark = document.querySelector('mark.conflict[data-finding="' + index + '"]');
    if (mark) mark.scrollIntoView({ block: "nearest" });
  }
})();
