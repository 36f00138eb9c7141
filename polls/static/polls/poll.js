/*
 * Polls without a reload: the answer is sent in the background and the results appear where
 * the form was. Without this script the form still works: the server redirects to the poll's
 * page with the message and the results.
 */
(function () {
  "use strict";

  function setup(box) {
    var form = box.querySelector(".poll__form");
    var message = box.querySelector(".poll__message");
    var results = box.querySelector(".poll__results");
    if (!form || !window.fetch || box.dataset.pollReady) return;
    box.dataset.pollReady = "1"; /* the page and a block may both load this script */

    function say(text, ok) {
      message.textContent = text;
      message.className = "poll__message poll__message--" + (ok ? "success" : "error");
      message.hidden = false;
    }

    function answered(state) {
      var note = document.createElement("p");
      note.className = "poll__note";
      note.textContent = box.dataset.voted;
      if (form.parentNode) form.parentNode.replaceChild(note, form);
      if (state.results) results.innerHTML = state.results;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector(".poll__submit");
      button.disabled = true;
      window.fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) {
          button.disabled = false;
          if (response.ok) answered(body);
          say(body.message, response.ok);
          message.focus();
        });
      }).catch(function () {
        button.disabled = false;
        say(box.dataset.networkError, false);
        message.focus();
      });
    });

    /* A page from the cache does not know whether this reader has answered: ask. */
    window.fetch(box.dataset.stateUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (state) { if (state.voted) answered(state); })
      .catch(function () { /* the form still works */ });
  }

  document.querySelectorAll("[data-poll]").forEach(setup);
})();
