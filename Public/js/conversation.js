// Progressive enhancement for conversations. Without it the page works as plain forms: post,
// redirect, reload. With it, messages, confirmations and parameter forms are sent in the
// background and the conversation is redrawn in place, keeping the scroll at the newest message;
// a button is disabled while its request runs, so a double press sends once. Enter sends,
// Shift+Enter adds a line.
(function () {
  function scrollToLatest() {
    var latest = document.getElementById("latest");
    if (latest) latest.scrollIntoView({ block: "end" });
  }

  function swapFrom(html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    ["conversation", "composer-error"].forEach(function (id) {
      var current = document.getElementById(id);
      var replacement = next.getElementById(id);
      if (current && replacement) current.replaceWith(replacement);
    });
    var flash = next.querySelector(".flash");
    var oldFlash = document.querySelector("main .flash");
    if (oldFlash) oldFlash.remove();
    if (flash) document.querySelector("main").prepend(flash);
    bind(document);
    scrollToLatest();
  }

  function send(form, done) {
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      headers: { "Accept": "text/html" }
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      swapFrom(html);
      if (done) done();
    }).catch(function () {
      // Anything unexpected: fall back to the ordinary form post.
      form.submit();
    });
  }

  function bind(root) {
    root.querySelectorAll("form[data-live]:not([data-bound])").forEach(function (form) {
      form.setAttribute("data-bound", "");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        send(form);
      });
    });
  }

  var composer = document.querySelector(".composer");
  if (composer) {
    var field = composer.querySelector("textarea");
    var button = composer.querySelector("button[type=submit]");
    composer.addEventListener("submit", function (event) {
      event.preventDefault();
      if (field.value.trim() === "") return;
      button.textContent = "Sending…";
      send(composer, function () {
        field.value = "";
        button.disabled = false;
        button.textContent = "Send";
        field.focus();
      });
    });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && field.value.trim() !== "") {
        event.preventDefault();
        if (composer.requestSubmit) composer.requestSubmit(); else composer.submit();
      }
    });
    field.focus();
  }
  bind(document);
  scrollToLatest();
})();
