/* Under make serve only: the build's problems, shown where the editor looks. Those that name this
   page are listed in full (page, line, what is wrong, what to do); the others are counted, and
   listed on request. Escape or the button dismisses the list until the next build. The page
   reloads with every build (MkDocs' live reload), so a fixed problem leaves the list. */
(function () {
  "use strict"

  var script = document.currentScript
  var base = new URL("..", script.src) // the site's root: this file is <root>/_edm/edm-problems.js
  var style = document.createElement("link")
  style.rel = "stylesheet"
  style.href = new URL("edm-problems.css", script.src).href
  document.head.appendChild(style)

  function here() {
    return decodeURI(location.pathname).slice(decodeURI(base.pathname).length)
  }

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  function list(problems) {
    var items = element("ul")
    problems.forEach(function (problem) { items.appendChild(element("li", "", problem.message)) })
    return items
  }

  function show(report) {
    var old = document.getElementById("edm-problems")
    if (old) old.remove()
    if (!report.problems.length || sessionStorage.getItem("edm-problems-dismissed") === report.build) return
    var page = here()
    var mine = report.problems.filter(function (p) { return p.pages.length === 0 || p.pages.indexOf(page) >= 0 })
    var others = report.problems.filter(function (p) { return mine.indexOf(p) < 0 })

    var box = element("section", "edm-problems")
    box.id = "edm-problems"
    box.setAttribute("aria-labelledby", "edm-problems-title")
    var title = element("p", "edm-problems__title",
      mine.length ? mine.length + (mine.length === 1 ? " problem" : " problems") + " on this page"
        : others.length + (others.length === 1 ? " problem" : " problems") + " on other pages")
    title.id = "edm-problems-title"
    box.appendChild(element("span", "edm-problems__label", "Preview: the build has problems"))
    box.appendChild(title)
    if (mine.length) box.appendChild(list(mine))
    if (mine.length && others.length) {
      box.appendChild(element("p", "edm-problems__more",
        "and " + others.length + (others.length === 1 ? " problem" : " problems") + " on other pages:"))
    }
    if (others.length) {
      var more = element("details")
      more.appendChild(element("summary", "", "Show " + (others.length === 1 ? "it" : "them")))
      more.appendChild(list(others))
      box.appendChild(more)
    }
    var dismiss = element("button", "edm-problems__dismiss", "Dismiss")
    dismiss.type = "button"
    dismiss.setAttribute("aria-keyshortcuts", "Escape")
    dismiss.addEventListener("click", function () {
      sessionStorage.setItem("edm-problems-dismissed", report.build)
      box.remove()
    })
    box.appendChild(dismiss)
    document.body.appendChild(box)
  }

  fetch(new URL("_edm/problems.json", base), { cache: "no-store" })
    .then(function (response) { return response.json() })
    .then(function (report) {
      show(report)
      if (window.document$) window.document$.subscribe(function () { show(report) })
      document.addEventListener("keydown", function (event) {
        var box = document.getElementById("edm-problems")
        // An Escape that closed something else (a citation's preview) is not for this list.
        if (event.key === "Escape" && box && !event.defaultPrevented) box.querySelector(".edm-problems__dismiss").click()
      })
    })
})()
