/*
 * Idle notice for signed-in users (public site and admin).
 *
 * - Activity (mouse, keys, scroll, touch, typing) in any tab of this site is shared through
 *   localStorage, so one idle tab never signs out a person who works in another.
 * - While the person is active the server session is kept alive by a POST to the keep-alive
 *   view at most every few minutes, so the server's own idle expiry never hits them.
 * - After (timeout - warning) seconds of inactivity the notice counts down; a click keeps the
 *   session; at zero the half-written forms are saved as drafts and the person is signed out
 *   with a POST. After signing in again the drafts are put back into the same forms.
 */
(function () {
  "use strict";

  var notice = document.getElementById("idle-notice");
  if (!notice) return;

  var timeoutMs = Number(notice.dataset.timeout) * 1000;
  var warningMs = Math.min(Number(notice.dataset.warning) * 1000, timeoutMs);
  var pingEveryMs = Math.max(1000, Math.min(5 * 60 * 1000, (timeoutMs - warningMs) / 3));
  var ACTIVITY = "portal.idle.activity";
  var PING = "portal.idle.ping";
  var DRAFT_PREFIX = "portal.draft." + notice.dataset.user + ":";
  var DRAFT_MAX_AGE_MS = 24 * 3600 * 1000;
  var SKIPPED_TYPES = ["password", "file", "hidden", "submit", "button", "reset", "image"];

  var secondsEl = notice.querySelector(".idle-notice__seconds");
  var logoutForm = notice.querySelector(".idle-notice__logout");
  var csrfToken = logoutForm.querySelector("[name=csrfmiddlewaretoken]").value;
  var dirtyForms = [];
  var leaving = false;
  var lastMark = 0;

  var memory = {};
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { delete memory[key]; }
    }
  };

  function readTime(key) {
    var value = Number(store.get(key));
    return isFinite(value) ? value : 0;
  }

  function markActive() {
    var now = Date.now();
    if (!notice.hidden || now - lastMark < 1000) return;
    lastMark = now;
    store.set(ACTIVITY, String(now));
  }

  function show(secondsLeft) {
    secondsEl.textContent = String(secondsLeft);
    notice.hidden = false;
  }

  function hide() {
    notice.hidden = true;
  }

  function goToLogin() {
    window.location.assign(loginUrl());
  }

  function loginUrl() {
    var here = window.location.pathname + window.location.search;
    return notice.dataset.loginUrl + "?next=" + encodeURIComponent(here);
  }

  function ping() {
    store.set(PING, String(Date.now()));
    return window.fetch(notice.dataset.keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken, "X-Requested-With": "XMLHttpRequest" }
    }).then(function (response) {
      if (response.status === 401 && !leaving) {
        leaving = true;
        saveDrafts();
        goToLogin();
      }
    }).catch(function () { /* offline: the next activity tries again */ });
  }

  function keepAlive() {
    store.set(ACTIVITY, String(Date.now()));
    hide();
    ping();
  }

  function signOut() {
    leaving = true;
    hide();
    saveDrafts();
    logoutForm.querySelector("[name=next]").value = loginUrl();
    logoutForm.submit();
  }

  function tick() {
    if (leaving) return;
    var now = Date.now();
    var lastActivity = readTime(ACTIVITY);
    var lastPing = readTime(PING);
    if (lastActivity > lastPing && now - lastPing >= pingEveryMs) ping();
    var left = timeoutMs - (now - lastActivity);
    if (left <= 0) signOut();
    else if (left <= warningMs) show(Math.ceil(left / 1000));
    else hide();
  }

  /* Drafts of half-written forms, per user and page, kept across a forced sign-out. */

  function draftKey() {
    return DRAFT_PREFIX + window.location.pathname;
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !el.disabled && SKIPPED_TYPES.indexOf(el.type) < 0;
    });
  }

  function saveDrafts() {
    if (!dirtyForms.length) return;
    var forms = {};
    dirtyForms.forEach(function (form) {
      var index = Array.prototype.indexOf.call(document.forms, form);
      forms[index] = keptFields(form).map(function (el) {
        var isCheck = el.type === "checkbox" || el.type === "radio";
        return { name: el.name, value: isCheck ? el.checked : el.value };
      });
    });
    store.set(draftKey(), JSON.stringify({ savedAt: Date.now(), forms: forms }));
  }

  function restoreDrafts() {
    var raw = store.get(draftKey());
    if (!raw) return;
    store.remove(draftKey());
    var draft;
    try { draft = JSON.parse(raw); } catch (e) { return; }
    if (!draft || Date.now() - draft.savedAt > DRAFT_MAX_AGE_MS) return;
    Object.keys(draft.forms).forEach(function (index) {
      var form = document.forms[Number(index)];
      if (form) restoreForm(form, draft.forms[index]);
    });
  }

  function restoreForm(form, saved) {
    var fields = keptFields(form);
    if (fields.length !== saved.length) return;
    fields.forEach(function (el, i) {
      if (el.name !== saved[i].name) return;
      if (el.type === "checkbox" || el.type === "radio") el.checked = saved[i].value;
      else el.value = saved[i].value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    var message = document.createElement("p");
    message.className = "idle-restored";
    message.setAttribute("role", "status");
    message.textContent = notice.dataset.restoredMessage;
    form.insertBefore(message, form.firstChild);
    if (dirtyForms.indexOf(form) < 0) dirtyForms.push(form);
  }

  function trackDirty(event) {
    var form = event.target && event.target.form;
    if (form && form.method === "post" && form !== logoutForm && dirtyForms.indexOf(form) < 0) {
      dirtyForms.push(form);
    }
  }

  function forgetDraftOnSubmit() {
    store.remove(draftKey());
  }

  ["mousemove", "mousedown", "keydown", "wheel", "touchstart", "input"].forEach(function (name) {
    document.addEventListener(name, markActive, { capture: true, passive: true });
  });
  window.addEventListener("scroll", markActive, { capture: true, passive: true });
  document.addEventListener("input", trackDirty, true);
  document.addEventListener("change", trackDirty, true);
  document.addEventListener("submit", forgetDraftOnSubmit, true);
  document.addEventListener("visibilitychange", tick);
  window.addEventListener("storage", function (event) {
    if (event.key === ACTIVITY) tick();
  });
  notice.querySelector(".idle-notice__keep").addEventListener("click", keepAlive);

  var loadedAt = String(Date.now());
  store.set(ACTIVITY, loadedAt);
  store.set(PING, loadedAt);
  restoreDrafts();
  window.setInterval(tick, 1000);
})();
