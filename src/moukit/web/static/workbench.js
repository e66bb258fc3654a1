// moukit workbench: optional enhancements. The pages work without this script.
// - New agreement: questions that do not apply to the chosen instrument or partner's
//   language are hidden, and the preview follows the answers (POST /preview, same form).
(function () {
  "use strict";
  var form = document.getElementById("agreement");
  if (!form) { return; }
  var preview = document.getElementById("preview");

  function chosen(name) {
    var el = form.querySelector("[name='" + name + "']:checked") || form.querySelector("select[name='" + name + "']");
    return el ? el.value : "";
  }

  function applyVisibility() {
    var instrument = chosen("instrument");
    var lang = chosen("partner_lang");
    var other = lang !== "" && lang !== "th" && lang !== "en";
    form.querySelectorAll("[data-instrument]").forEach(function (el) {
      el.hidden = instrument !== "" && el.getAttribute("data-instrument") !== instrument;
    });
    form.querySelectorAll("[data-instrument-text]").forEach(function (el) {
      el.hidden = instrument !== "" && el.getAttribute("data-instrument-text") !== instrument;
    });
    form.querySelectorAll("[data-other]").forEach(function (el) { el.hidden = !other; });
  }

  var timer = null;
  var pending = null;
  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var data = new FormData(form);
    data.delete("download");
    fetch("/preview", { method: "POST", body: data, credentials: "same-origin", signal: pending.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        // the server escapes every value (Jinja autoescape): the fragment is safe to insert
        preview.innerHTML = html;
        preview.setAttribute("data-updated", String(Date.now()));
      })
      .catch(function () { /* aborted or offline: the button still works */ });
  }
  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 500);
  }

  form.addEventListener("change", function () { applyVisibility(); later(); });
  form.addEventListener("input", later);
  applyVisibility();
})();
