/*
 * The comment form: a fresh security code without reloading the page, and replies that keep
 * what the reader already typed. Without this script both work through plain links.
 */
(function () {
  "use strict";

  var form = document.getElementById("comment-form");
  if (!form) return;

  form.addEventListener("click", function (event) {
    var button = event.target.closest(".captcha__refresh");
    if (!button) return;
    event.preventDefault();
    window.fetch(button.dataset.refreshUrl, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (fresh) {
      var captcha = button.closest(".captcha");
      captcha.querySelector(".captcha__image").src = fresh.image_url;
      captcha.querySelector("input[type=hidden]").value = fresh.key;
      var answer = captcha.querySelector("input[type=text]");
      answer.value = "";
      answer.focus();
    });
  });

  document.querySelectorAll(".comment__reply").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.querySelector("input[name=parent]").value = link.dataset.replyTo;
      var notice = form.querySelector(".comment-form__replying");
      notice.querySelector(".comment-form__replying-name").textContent = link.dataset.replyName;
      notice.hidden = false;
      form.querySelector("textarea").focus();
    });
  });

  var cancel = form.querySelector(".comment-form__cancel-reply");
  cancel.addEventListener("click", function (event) {
    event.preventDefault();
    form.querySelector("input[name=parent]").value = "";
    form.querySelector(".comment-form__replying").hidden = true;
  });
})();
