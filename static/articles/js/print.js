/* The print view's button; kept out of the page so no inline script is needed. */
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".print__button");
  if (button) button.addEventListener("click", function () { window.print(); });
});
