/* A search result opens its page at the words it found. Material's search.highlight marks them
   (<mark data-md-highlight>) when the address has ?h=..., once its search index has loaded, but
   leaves the page at its top, or at the section the result names. This brings the first mark (the
   first in that section, when the address names one) to the middle of the window: on a full load
   (file:// included) and after an instant navigation, including to the page already open.

   Once per address: Material marks the words again when only the fragment changes (a link within the
   page), and a reader who has moved on is not taken back. Nor is one who returns with Back or reloads:
   the place they were at is restored instead. */
(function () {
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

  // A new page (the first, or an instant navigation): a fresh arrival gets its marks brought into view.
  function arrive() {
    scrolledFor = fresh() ? null : address()
    bringIntoView() // the marks may already be there: the index can load before this script does
  }

  new MutationObserver(function (records) {
    if (marked(records)) bringIntoView()
  }).observe(document.body, { childList: true, subtree: true })

  if (window.document$) window.document$.subscribe(arrive)
  else arrive()
})()
