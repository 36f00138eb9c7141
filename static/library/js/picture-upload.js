// django-prose-editor extension "PictureUpload": a toolbar button that uploads a picture to the
// media library (PictureAdmin's upload view) and inserts it as <figure><img><figcaption>.
// Loaded by the "configurable" preset through DJANGO_PROSE_EDITOR_EXTENSIONS; its options
// (upload URL, accepted types, translated labels) come from library.pictures.
import {
  crel,
  Extension,
  updateAttrsDialog,
} from "django-prose-editor/editor"

const csrfToken = (editor) => {
  const input = editor.view.dom
    .closest("form")
    ?.querySelector("input[name=csrfmiddlewaretoken]")
  if (input) return input.value
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ""
}

const showStatus = (status, message, isError = false) => {
  status.textContent = message
  status.hidden = !message
  status.style.color = isError ? "#ba2121" : ""
}

const upload = async (editor, options, file, { alt, caption }) => {
  const body = new FormData()
  body.append("upload", file)
  body.append("alt", alt)
  body.append("caption", caption)
  const response = await fetch(options.uploadUrl, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrfToken(editor), Accept: "application/json" },
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(data.error || options.failed)
  return data
}

const figureContent = (picture, { alt, caption }) => {
  const { url: src, width, height } = picture
  const content = [{ type: "image", attrs: { src, alt, width, height } }]
  if (caption) {
    content.push({ type: "caption", content: [{ type: "text", text: caption }] })
  }
  return { type: "figure", content }
}

const askDetails = (editor, options) =>
  updateAttrsDialog(
    {
      alt: { type: "string", title: options.altLabel, required: true },
      caption: { type: "string", title: options.captionLabel },
    },
    { title: options.dialogTitle, submitText: options.insertLabel },
  )(editor, { alt: "", caption: "" })

const insertPicture = async (editor, options, status, file) => {
  const details = await askDetails(editor, options)
  if (!details) return
  details.alt = details.alt.trim()
  details.caption = details.caption.trim()
  showStatus(status, options.uploading)
  try {
    const picture = await upload(editor, options, file, details)
    editor.chain().focus().insertContent(figureContent(picture, details)).run()
    showStatus(status, "")
  } catch (error) {
    showStatus(status, error.message || options.failed, true)
  }
}

export const PictureUpload = Extension.create({
  name: "pictureUpload",

  addOptions() {
    return {
      uploadUrl: "",
      accept: "image/*",
      label: "Insert picture",
      dialogTitle: "Insert a picture",
      altLabel: "Description of the picture (alt text)",
      captionLabel: "Caption",
      insertLabel: "Upload and insert",
      uploading: "Uploading the picture…",
      failed: "The picture could not be uploaded. Try again.",
    }
  },

  addStorage() {
    return { input: null, status: null }
  },

  onCreate({ editor }) {
    const input = crel("input", {
      type: "file",
      accept: this.options.accept,
      hidden: true,
      className: "picture-upload__input",
    })
    const status = crel("p", {
      className: "picture-upload__status",
      role: "status",
      hidden: true,
    })
    input.addEventListener("change", () => {
      const [file] = input.files
      input.value = ""
      if (file) insertPicture(editor, this.options, status, file)
    })
    editor.view.dom.before(status)
    editor.view.dom.parentElement.append(input)
    this.storage.input = input
    this.storage.status = status
  },

  onDestroy() {
    this.storage.input?.remove()
    this.storage.status?.remove()
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "pictureUpload",
      groups: "nodes",
      button: buttons.material("add_photo_alternate", this.options.label),
      enabled: (editor) => editor.isEditable && Boolean(this.options.uploadUrl),
      command: () => this.storage.input?.click(),
    })
  },
})
