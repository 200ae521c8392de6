// Drag and drop several files onto the upload form; show the chosen files and the progress.
document.addEventListener("DOMContentLoaded", () => {
  const zone = document.getElementById("drop-zone");
  const input = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  const progress = document.getElementById("upload-progress");
  const form = document.getElementById("upload-form");
  if (!zone || !input) return;
  const list = () => {
    chosen.replaceChildren(
      ...Array.from(input.files).map((file) => {
        const item = document.createElement("li");
        item.textContent = `${file.name}（${Math.ceil(file.size / 1024)} KB）`;
        return item;
      }),
    );
  };
  input.addEventListener("change", list);
  // Over the server's limit the upload would be refused (413) after sending it all: say so
  // before sending, in the results area (the server's own answer is shown there too).
  const limitMb = Number(form.dataset.limitMb || 0);
  const results = document.getElementById("upload-results");
  form.addEventListener("htmx:confirm", (event) => {
    const total = Array.from(input.files).reduce((sum, file) => sum + file.size, 0);
    if (!limitMb || total <= limitMb * 1024 * 1024) return;
    event.preventDefault();
    const message = document.createElement("p");
    message.className = "error alert";
    message.setAttribute("role", "alert");
    message.dataset.code = "REQ413";
    message.textContent = `所选文件合计 ${(total / 1024 / 1024).toFixed(1)} MB，超过上限 ${limitMb} MB，`
      + "未上传；请分批上传，或把大文件拆分后再上传。";
    results.replaceChildren(message);
  });
  ["dragenter", "dragover"].forEach((name) =>
    zone.addEventListener(name, (event) => { event.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) =>
    zone.addEventListener(name, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    input.files = event.dataTransfer.files;
    list();
  });
  form.addEventListener("htmx:xhr:progress", (event) => {
    if (!event.detail.lengthComputable) return;
    progress.hidden = false;
    progress.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  });
  form.addEventListener("htmx:afterRequest", () => { progress.hidden = true; });
});
