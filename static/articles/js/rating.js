/*
 * Star ratings without a reload. Without this script the form still works: pick a star and
 * press the button; the server redirects back with the message.
 */
(function () {
  "use strict";

  function setup(form) {
    var section = form.closest(".rating");
    var lines = section.querySelector(".rating__lines");
    var message = section.querySelector(".rating__message");
    var prompt = form.querySelector(".rating__prompt");

    function say(text, ok) {
      message.textContent = text;
      message.className = "rating__message rating__message--" + (ok ? "success" : "error");
      message.hidden = false;
    }

    function showReadersScore() {
      form.querySelectorAll(".rating__input").forEach(function (input) {
        input.checked = input.value === form.dataset.score;
      });
    }

    function send(score) {
      var data = new FormData(form);
      data.set("score", score);
      window.fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            form.dataset.score = String(score);
            lines.innerHTML = body.lines;
            prompt.textContent = form.dataset.votedPrompt;
          }
          showReadersScore();
          say(body.message, response.ok);
        });
      }).catch(function () {
        showReadersScore();
        say(form.dataset.networkError, false);
      });
    }

    /* A page from the cache does not know this reader's vote: ask for it. */
    if (!form.dataset.score) {
      window.fetch(form.dataset.scoreUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (answer) {
          if (!answer.score) return;
          form.dataset.score = String(answer.score);
          prompt.textContent = form.dataset.votedPrompt;
          showReadersScore();
        })
        .catch(function () { /* the stars still work */ });
    }

    form.addEventListener("click", function (event) {
      var star = event.target.closest(".rating__star");
      if (!star) return;
      event.preventDefault();
      var input = document.getElementById(star.htmlFor);
      input.checked = true;
      send(input.value);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector(".rating__input:checked");
      if (checked) send(checked.value);
    });
  }

  document.querySelectorAll("form[data-rating]").forEach(setup);
})();
