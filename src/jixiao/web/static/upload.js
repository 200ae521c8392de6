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
