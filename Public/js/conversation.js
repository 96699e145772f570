// Progressive enhancement for conversations: the page works without it (form post and
// redirect). With it, the newest message is scrolled into view, Enter sends (Shift+Enter adds a
// line), and the send button is disabled while a turn runs so a double press sends once.
(function () {
  var latest = document.getElementById("latest");
  if (latest) latest.scrollIntoView({ block: "end" });
  var composer = document.querySelector(".composer");
  if (!composer) return;
  var field = composer.querySelector("textarea");
  var button = composer.querySelector("button[type=submit]");
  composer.addEventListener("submit", function () {
    button.disabled = true;
    button.textContent = "Sending…";
  });
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && field.value.trim() !== "") {
      event.preventDefault();
      if (composer.requestSubmit) composer.requestSubmit(); else composer.submit();
    }
  });
  document.querySelectorAll(".confirm-card form").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.parentNode.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    });
  });
  field.focus();
})();
