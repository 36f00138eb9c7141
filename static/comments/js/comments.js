/*
 * The comment form: a fresh security code without reloading the page, and replies that keep
 * what the reader already typed. Without this script both work through plain links.
 */
(function () {
  "use strict";

  var form = document.getElementById("comment-form");
  if (!form) return;

  /* The lazy form has no picture until there is a code to show (an <img> needs a src). */
  function pictureOf(captcha) {
    var image = captcha.querySelector(".captcha__image");
    if (image) return image;
    image = document.createElement("img");
    image.className = "captcha__image";
    image.alt = captcha.dataset.imageAlt;
    image.width = 140;
    image.height = 44;
    return captcha.insertBefore(image, captcha.firstChild);
  }

  /* A code is made only when the reader starts writing, so showing the page writes nothing. */
  function freshCode(captcha) {
    var refresh = captcha.querySelector(".captcha__refresh");
    return window.fetch(refresh.dataset.refreshUrl, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json();
    }).then(function (fresh) {
      pictureOf(captcha).src = fresh.image_url;
      refresh.hidden = false;
      var show = captcha.querySelector(".captcha__show");
      if (show) show.hidden = true;
      captcha.querySelector("input[type=hidden]").value = fresh.key;
      captcha.querySelector("input[type=text]").value = "";
    });
  }

  var captcha = form.querySelector(".captcha");
  if (captcha) {
    var requested = false;
    var firstCode = function () {
      if (requested || captcha.querySelector("input[type=hidden]").value) return;
      requested = true;
      freshCode(captcha).catch(function () { requested = false; });
    };
    form.addEventListener("focusin", firstCode);
    form.addEventListener("click", function (event) {
      if (event.target.closest(".captcha__show")) {
        event.preventDefault();
        firstCode();
      } else if (event.target.closest(".captcha__refresh")) {
        event.preventDefault();
        freshCode(captcha).then(function () {
          captcha.querySelector("input[type=text]").focus();
        });
      }
    });
  }

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
