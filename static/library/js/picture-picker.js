// The picture picker popup (PictureAdmin.picker_view), opened by the editor's Figure dialog
// ("Browse..."): a click hands the picture's URL, description and caption back to the dialog
// through the CKEditor-style callback that django-prose-editor installs in the opener.
document.addEventListener("click", (event) => {
  const item = event.target.closest(".picture-picker__item")
  const callback = window.opener?.CKEDITOR?.tools?.callFunction
  const funcNum = new URLSearchParams(window.location.search).get("CKEditorFuncNum")
  if (!item || !callback || funcNum === null) return
  event.preventDefault()
  callback(Number(funcNum), item.dataset.url, {
    id: item.dataset.id,
    alternative_text: item.dataset.alt,
    caption: item.dataset.caption,
  })
  window.close()
})
