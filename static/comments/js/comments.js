/*
 * The comment form: replies that keep what the reader already typed (without this script,
 * through plain links). The security code is guard/js/captcha.js's.
 */
(function () {
  "use strict";

  var form = document.getElementById("comment-form");
  if (!form) return;

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
