"use strict";
// Sends the pasted code or the chosen files to /api/review and shows the HTML review in a sandboxed frame:
// without allow-same-origin the review runs its own filters but can reach nothing of this page.
(function () {
  const form = document.getElementById("review-form");
  const status = document.getElementById("status");
  const frame = document.getElementById("review");
  const downloads = document.getElementById("downloads");
  let lastInput = null;

  function input() {
    const data = new FormData();
    const files = document.getElementById("files").files;
    for (const file of files) data.append("files", file, file.name);
    const code = document.getElementById("code").value;
    if (code.length > 0 || files.length === 0) {
      data.append("code", code);
      data.append("path", document.getElementById("path").value);
    }
    return data;
  }

  async function review(data, format) {
    const response = await fetch("/api/review?format=" + format, { method: "POST", body: data });
    if (!response.ok) {
      let message = response.status + " " + response.statusText;
      try { message = (await response.json()).error; } catch (ignored) { /* not JSON: keep the status */ }
      throw new Error(message);
    }
    return response;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const data = input();
    status.textContent = "Reviewing…";
    try {
      const html = await (await review(data, "html")).text();
      lastInput = data;
      frame.srcdoc = html;
      frame.hidden = false;
      downloads.hidden = false;
      status.textContent = "";
    } catch (failure) {
      status.textContent = "Not reviewed: " + failure.message;
    }
  });

  async function download(format, extension) {
    if (lastInput === null) return;
    try {
      const blob = await (await review(lastInput, format)).blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "secreview-review." + extension;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      status.textContent = "Not downloaded: " + failure.message;
    }
  }

  document.getElementById("download-json").addEventListener("click", () => download("json", "json"));
  document.getElementById("download-sarif").addEventListener("click", () => download("sarif", "sarif"));
})();
