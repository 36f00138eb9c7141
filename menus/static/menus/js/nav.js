"use strict";
// The header menu: without JavaScript a checkbox and its label open it on a phone; here they
// become a button that says whether the menu is open (aria-expanded), and headings without a
// page of their own open their sub-items. Escape closes what is open.
(function () {
  function setExpanded(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function enhance(nav) {
    var box = nav.querySelector(".main-nav__switch");
    var label = nav.querySelector(".main-nav__toggle");
    if (!box || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "main-nav__toggle";
    button.setAttribute("aria-controls", box.getAttribute("aria-controls"));
    while (label.firstChild) button.appendChild(label.firstChild);
    setExpanded(button, false);
    label.replaceWith(button);
    box.remove();
    button.addEventListener("click", function () {
      var open = !nav.classList.contains("main-nav--open");
      nav.classList.toggle("main-nav--open", open);
      setExpanded(button, open);
    });
    nav.querySelectorAll(".main-nav__heading").forEach(function (heading) {
      setExpanded(heading, false);
      heading.addEventListener("click", function () {
        var item = heading.parentNode;
        var open = !item.classList.contains("main-nav__item--open");
        item.classList.toggle("main-nav__item--open", open);
        setExpanded(heading, open);
      });
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var item = event.target.closest(".main-nav__item--open");
      if (item) {
        item.classList.remove("main-nav__item--open");
        var heading = item.querySelector(".main-nav__heading");
        setExpanded(heading, false);
        heading.focus();
      } else if (nav.classList.contains("main-nav--open")) {
        nav.classList.remove("main-nav--open");
        setExpanded(button, false);
        button.focus();
      }
    });
  }

  document.querySelectorAll("[data-main-nav]").forEach(enhance);
})();
