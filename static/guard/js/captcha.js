/*
 * The security code of a reader's form (comments, contact): made only when the reader starts
 * writing, so a page served from the cache writes nothing, and changed without reloading the
 * page. Without this script the form asks the server for a code with a plain button.
 */
(function () {
  "use strict";

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

  function guard(form, captcha) {
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

  document.querySelectorAll("form .captcha").forEach(function (captcha) {
    guard(captcha.closest("form"), captcha);
  });
})();
