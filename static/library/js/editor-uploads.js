// django-prose-editor extensions "PictureUpload" and "AttachmentUpload": toolbar buttons that
// upload a file to the media library (the upload views of PictureAdmin and AttachmentAdmin) and
// insert it: a picture as <figure><img><figcaption>, a document as a link to its download.
// Loaded by the "configurable" preset through DJANGO_PROSE_EDITOR_EXTENSIONS; their options
// (upload URL, accepted types, translated labels) come from library.pictures and
// library.attachments.
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

const upload = async (editor, options, file, fields) => {
  const body = new FormData()
  body.append("upload", file)
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
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

// Asks for the fields of a chosen file, uploads it and inserts what `content` makes of it.
const uploadAndInsert = async (editor, options, status, file, ask, content) => {
  const fields = await ask(editor, options, file)
  if (!fields) return
  for (const name of Object.keys(fields)) fields[name] = fields[name].trim()
  showStatus(status, options.uploading)
  try {
    const uploaded = await upload(editor, options, file, fields)
    editor.chain().focus().insertContent(content(uploaded, fields, editor)).run()
    showStatus(status, "")
  } catch (error) {
    showStatus(status, error.message || options.failed, true)
  }
}

// A toolbar button opening a hidden file input, and a status line above the text.
const uploadExtension = ({ name, icon, className, defaults, ask, content }) =>
  Extension.create({
    name,

    addOptions() {
      return defaults
    },

    addStorage() {
      return { input: null, status: null }
    },

    onCreate({ editor }) {
      const input = crel("input", {
        type: "file",
        accept: this.options.accept,
        hidden: true,
        className: `${className}__input`,
      })
      const status = crel("p", {
        className: `${className}__status`,
        role: "status",
        hidden: true,
      })
      input.addEventListener("change", () => {
        const [file] = input.files
        input.value = ""
        if (file) uploadAndInsert(editor, this.options, status, file, ask, content)
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
        name,
        groups: "nodes",
        button: buttons.material(icon, this.options.label),
        enabled: (editor) => editor.isEditable && Boolean(this.options.uploadUrl),
        command: () => this.storage.input?.click(),
      })
    },
  })

const figureContent = (picture, { alt, caption }) => {
  const { url: src, width, height } = picture
  const content = [{ type: "image", attrs: { src, alt, width, height } }]
  if (caption) {
    content.push({ type: "caption", content: [{ type: "text", text: caption }] })
  }
  return { type: "figure", content }
}

export const PictureUpload = uploadExtension({
  name: "pictureUpload",
  icon: "add_photo_alternate",
  className: "picture-upload",
  defaults: {
    uploadUrl: "",
    accept: "image/*",
    label: "Insert picture",
    dialogTitle: "Insert a picture",
    altLabel: "Description of the picture (alt text)",
    captionLabel: "Caption",
    insertLabel: "Upload and insert",
    uploading: "Uploading the picture…",
    failed: "The picture could not be uploaded. Try again.",
  },
  ask: (editor, options) =>
    updateAttrsDialog(
      {
        alt: { type: "string", title: options.altLabel, required: true },
        caption: { type: "string", title: options.captionLabel },
      },
      { title: options.dialogTitle, submitText: options.insertLabel },
    )(editor, { alt: "", caption: "" }),
  content: figureContent,
})

const fileStem = (name) => name.replace(/\.[^.]*$/, "")

// The selected text becomes the link; without a selection, the title typed in the dialog.
const linkContent = (attachment, { title }, editor) => {
  const { from, to } = editor.state.selection
  const selected = editor.state.doc.textBetween(from, to, " ")
  return {
    type: "text",
    text: selected || title || attachment.title || attachment.name,
    marks: [{ type: "link", attrs: { href: attachment.url } }],
  }
}

export const AttachmentUpload = uploadExtension({
  name: "attachmentUpload",
  icon: "attach_file",
  className: "attachment-upload",
  defaults: {
    uploadUrl: "",
    accept: ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods",
    label: "Attach a document",
    dialogTitle: "Attach a document",
    titleLabel: "Link text",
    insertLabel: "Upload and insert",
    uploading: "Uploading the document…",
    failed: "The document could not be uploaded. Try again.",
  },
  ask: (editor, options, file) =>
    updateAttrsDialog(
      { title: { type: "string", title: options.titleLabel, required: true } },
      { title: options.dialogTitle, submitText: options.insertLabel },
    )(editor, { title: fileStem(file.name) }),
  content: linkContent,
})
