/* Our script, one file, so one request: citation previews, the highlight on arriving at a paragraph
   or a citation, and a search result opened at its words. Three parts, each in a function of its own
   that is called at once; the second and third open with a semicolon, as the part before ends without
   one (else it would call its result). A classic script, run where it stands, after Material's bundle,
   whose document$ and target$ it uses. */

/* Citation previews. The build writes, for every citation, a hidden card (.edm-preview) that the
   link names with data-edm-preview (and a one-line description of it, for screen readers, that the link
   names with aria-describedby); this script shows that card beside the link: on hover (after a
   short delay, kept open while the pointer moves into it), on keyboard focus, and on a first tap
   (which stays on the page: a second tap, or a link in the card, goes on). Escape, a tap or click
   elsewhere, or moving away closes it. Listeners sit on the document, so pages that Material's
   instant navigation brings in need nothing more. Without this script the link goes to the source. */
(function () {
  "use strict"

  var CITATION = "a.edm-cite, a.edm-xref, a.edm-lost"
  var HOVER_DELAY = 200 // ms before a hovered citation opens: a pointer passing over opens nothing
  var LEAVE_DELAY = 300 // ms before it closes: time to move the pointer into the card
  var GAP = 6 // px between the link and its card
  var EDGE = 8 // px kept free at the window's edges
  var SHEET = window.matchMedia("(max-width: 37.4375em)") // phones: a sheet at the bottom

  var open = null // { link, card } of the card shown
  var opening = 0 // timers
  var closing = 0
  var tap = null // the citation a touch went down on, and whether its card was already open
  var returning = false // focus is being given back to a citation whose preview just closed

  function citationOf(node) {
    return node instanceof Element ? node.closest(CITATION) : null
  }

  function cardOf(link) {
    var card = document.getElementById(link.getAttribute("data-edm-preview") || "")
    return card && card.classList.contains("edm-preview") ? card : null
  }

  function headerBottom() {
    var header = document.querySelector(".md-header")
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0
  }

  function inside(node) {
    return open !== null && node instanceof Node && (open.card.contains(node) || open.link.contains(node))
  }

  function show(link) {
    clearTimeout(opening)
    clearTimeout(closing)
    if (open && open.link === link) return
    var card = cardOf(link)
    if (!card) return
    hide(false)
    link.after(card) // next in the reading and tab order: Tab goes from the link into the card's links
    card.hidden = false
    open = { link: link, card: card }
    place()
  }

  function hide(refocus) {
    clearTimeout(opening)
    clearTimeout(closing)
    if (!open) return
    var shown = open
    var focusBack = refocus && shown.card.contains(document.activeElement)
    open = null
    shown.card.hidden = true
    shown.card.classList.remove("edm-preview--sheet")
    if (focusBack) {
      returning = true // the citation gets focus back without opening its preview again
      shown.link.focus({ preventScroll: true })
      returning = false
    }
  }

  function hideLater() {
    clearTimeout(opening)
    clearTimeout(closing)
    closing = setTimeout(function () {
      if (open && !inside(document.activeElement)) hide(false)
    }, LEAVE_DELAY)
  }

  /* Wholly inside the window, under Material's header: below the link, or above it where there is no
     room below, shifted in from the edges; on a phone, a sheet at the bottom, the page scrolled so the
     link stays in view. A card whose link has scrolled out of sight closes (unless it holds focus). */
  function place() {
    if (!open) return
    var card = open.card
    var rects = open.link.getClientRects()
    if (!rects.length) return hide(false)
    var height = window.innerHeight
    var ceiling = headerBottom()
    var gone = rects[rects.length - 1].bottom < ceiling || rects[0].top > height
    if (gone && !card.contains(document.activeElement)) return hide(false)
    if (SHEET.matches) {
      if (!card.classList.contains("edm-preview--sheet")) {
        card.classList.add("edm-preview--sheet")
        card.style.left = card.style.top = ""
        var hidden = rects[rects.length - 1].bottom - (height - card.offsetHeight - GAP)
        if (hidden > 0) window.scrollBy(0, hidden)
      }
      return
    }
    card.classList.remove("edm-preview--sheet")
    var width = document.documentElement.clientWidth
    var first = rects[0]
    var last = rects[rects.length - 1]
    var below = last.bottom + GAP
    var above = first.top - GAP - card.offsetHeight
    var top = below + card.offsetHeight <= height - EDGE ? below
      : above >= ceiling + EDGE ? above
      : Math.max(ceiling + EDGE, height - EDGE - card.offsetHeight)
    var anchor = top === below ? last : first
    var left = Math.min(Math.max(EDGE, anchor.left), width - EDGE - card.offsetWidth)
    card.style.left = Math.max(EDGE, left) + "px"
    card.style.top = top + "px"
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return
    var link = citationOf(event.target)
    if (link && (!open || open.link !== link)) {
      // A card the reader has tabbed into stays; a card being left keeps closing (show() ends that).
      if (open && open.card.contains(document.activeElement)) return
      clearTimeout(opening)
      opening = setTimeout(show, HOVER_DELAY, link)
    } else if (inside(event.target)) {
      clearTimeout(closing)
    }
  })

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return
    var link = citationOf(event.target)
    if (link && !(open && open.link === link)) {
      if (!link.contains(event.relatedTarget)) clearTimeout(opening)
      return
    }
    if (inside(event.target) && !inside(event.relatedTarget)) hideLater()
  })

  document.addEventListener("focusin", function (event) {
    if (returning) return
    var link = citationOf(event.target)
    if (link) show(link)
    else if (open && !inside(event.target)) hide(false)
  })

  document.addEventListener("focusout", function (event) {
    if (open && inside(event.target) && !inside(event.relatedTarget) && event.relatedTarget !== null) hide(false)
  })

  document.addEventListener("pointerdown", function (event) {
    var link = citationOf(event.target)
    tap = event.pointerType === "touch" && link ? { link: link, wasOpen: open !== null && open.link === link } : null
    if (open && !inside(event.target)) hide(false)
  }, true)

  /* A first tap opens the card and stays on the page. Captured before Material's instant navigation sees the click. */
  document.addEventListener("click", function (event) {
    var link = citationOf(event.target)
    if (!link || !tap || tap.link !== link || tap.wasOpen) return
    tap = null
    event.preventDefault()
    event.stopPropagation()
    show(link)
  }, true)

  // The sheet's close button (a phone's way to close it without reaching past it).
  document.addEventListener("click", function (event) {
    if (open && event.target instanceof Element && event.target.closest(".edm-preview__close")) hide(true)
  })

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      event.preventDefault() // handled: nothing else on the page closes on this Escape
      hide(true)
    }
  })

  window.addEventListener("resize", place, { passive: true })
  window.addEventListener("scroll", function () {
    if (open && !SHEET.matches) place()
  }, { passive: true })

  // A new page from instant navigation: the card shown belonged to the old one.
  if (window.document$) window.document$.subscribe(function () { hide(false) })
})()

/* Arriving at a paragraph or a citation (a link to #p3 or #cite-5, from an index, a preview or another
   page) highlights it briefly, so the eye finds where it has landed. Material's target$ gives the
   element the address points to, on a full load, a change of fragment and an instant navigation. */
;(function () {
  "use strict"

  function arrive(target) {
    if (!(target instanceof Element)) return
    // A paragraph is found by its number: the paragraph is what is highlighted, not the number.
    var shown = target.matches("a.edm-pilcrow") && target.parentElement ? target.parentElement : target
    shown.classList.remove("edm-arrived")
    void shown.offsetWidth // restart the animation when the same place is reached again
    shown.classList.add("edm-arrived")
    shown.addEventListener("animationend", function () { shown.classList.remove("edm-arrived") }, { once: true })
  }

  if (window.target$) window.target$.subscribe(arrive)
})()

/* A search result opens its page at the words it found. Material's search.highlight marks them
   (<mark data-md-highlight>) when the address has ?h=..., once its search index has loaded, but
   leaves the page at its top, or at the section the result names. This brings the first mark (the
   first in that section, when the address names one) to the middle of the window: on a full load
   (file:// included) and after an instant navigation, including to the page already open.

   Once per address: Material marks the words again when only the fragment changes (a link within the
   page), and a reader who has moved on is not taken back. Nor is one who returns with Back or reloads:
   the place they were at is restored instead. */
;(function () {
  "use strict"

  var MARK = "mark[data-md-highlight]"
  var scrolledFor = null // the address (path and query) whose marks were last brought into view

  function address() {
    return location.pathname + location.search
  }

  function searched() {
    return new URLSearchParams(location.search).has("h")
  }

  // The first mark in the section the fragment names (at or after its heading), else the first of all.
  function firstMark(content) {
    var marks = content.querySelectorAll(MARK)
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : ""
    var target = id ? document.getElementById(id) : null
    if (!target) return marks[0] || null
    for (var i = 0; i < marks.length; i++) {
      if (target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return marks[i]
    }
    return null
  }

  function bringIntoView() {
    if (!searched() || scrolledFor === address()) return
    var content = document.querySelector('[data-md-component="content"]')
    var mark = content && firstMark(content)
    if (!mark) return
    scrolledFor = address()
    // The middle of the window: clear of Material's fixed header whatever its height.
    mark.scrollIntoView({ block: "center", inline: "nearest" })
  }

  function marked(records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes
      for (var j = 0; j < added.length; j++) {
        var node = added[j]
        if (node.nodeType === 1 && (node.matches(MARK) || node.querySelector(MARK))) return true
      }
    }
    return false
  }

  // A fresh arrival, not a return through the history or a reload. For the page first loaded the
  // browser says how it came; for an instant navigation, Material gives a new entry no state (on
  // Back it restores the entry's, with the place the reader was at). history.state cannot tell for a
  // full load: Material records the place in it 100 ms after the page starts, maybe before this runs.
  var firstLoad = true
  function fresh() {
    if (!firstLoad) return history.state === null
    firstLoad = false
    var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null
    return !entry || entry.type === "navigate"
  }

  // Material marks the words once its search index has loaded: the page is watched for them, but only
  // when the address asks for marks (?h=), so that no other page pays for a watch on all it adds.
  var watch = new MutationObserver(function (records) {
    if (marked(records)) bringIntoView()
  })

  // A new page (the first, or an instant navigation): a fresh arrival gets its marks brought into view.
  function arrive() {
    scrolledFor = fresh() ? null : address()
    watch.disconnect()
    if (!searched()) return
    watch.observe(document.body, { childList: true, subtree: true })
    bringIntoView() // the marks may already be there: the index can load before this script does
  }

  if (window.document$) window.document$.subscribe(arrive)
  else arrive()
})()
