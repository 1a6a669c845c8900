/* Arriving at a paragraph or a citation (a link to #p3 or #cite-5, from an index, a preview or another
   page) highlights it briefly, so the eye finds where it has landed. Material's target$ gives the
   element the address points to, on a full load, a change of fragment and an instant navigation. */
(function () {
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
