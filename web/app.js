// Starts the rasa-webchat widget on this page and adds what the widget lacks: a connection status line,
// the source line of an answer set apart, keyboard access to the answer buttons, a text alternative for the
// career-test chart, and a way to start over.
// A file of its own (not an inline script) so the page's Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  var SESSION_KEY = "chat_session"; // where rasa-webchat keeps the session id and the conversation
  var params = new URLSearchParams(location.search);
  // The Rasa server: ?rasa=URL, else port 5005 on the host that served this page (what `make run` starts).
  var socketUrl = params.get("rasa") || location.protocol + "//" + location.hostname + ":5005";
  var statusLine = document.getElementById("status");

  function setStatus(state, text) {
    statusLine.dataset.state = state;
    statusLine.textContent = text;
  }

  if (!window.WebChat) {
    setStatus("error", "The chat widget is not installed here: run `make web` (or `make run`) and reload.");
    return;
  }

  // Run on every change to the conversation's DOM.
  function enhance(root) {
    // Quick-reply buttons are <div>s in rasa-webchat: make them reachable and usable from the keyboard too.
    root.querySelectorAll(".rw-reply:not([tabindex])").forEach(function (el) {
      el.setAttribute("role", "button");
      el.setAttribute("tabindex", "0");
    });
    root.querySelectorAll(".rw-response .rw-markdown p:not(.source)").forEach(function (p) {
      if (/^\(Sources?: /.test(p.textContent)) p.classList.add("source");
    });
    // The widget turns off the markdown renderer's link check: only web and mail links keep their target
    // (the Content-Security-Policy would block a javascript: link anyway; this makes it inert text).
    root.querySelectorAll(".rw-markdown a[href]").forEach(function (a) {
      if (!/^(https?|mailto):$/.test(a.protocol)) a.removeAttribute("href");
    });
    root.querySelectorAll(".rw-image-frame:not([alt])").forEach(function (img) {
      img.setAttribute("alt", "Bar chart of your six interest scores (R I A S E C, 1 to 7)");
    });
  }
  var chat = document.getElementById("webchat");
  new MutationObserver(function () { enhance(chat); }).observe(chat, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["href"]
  });
  chat.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains("rw-reply") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      target.click();
    }
  });

  var restart = document.createElement("button");
  restart.type = "button";
  restart.className = "restart";
  restart.textContent = "New conversation";
  restart.title = "Forget this conversation in this browser and start a new one";
  restart.addEventListener("click", function () {
    localStorage.removeItem(SESSION_KEY);
    location.reload();
  });
  statusLine.insertAdjacentElement("afterend", restart);

  window.WebChat.default({
    selector: "#webchat",
    initPayload: "/greet", // a real payload: null would crash Rasa's socket.io handler
    customData: { language: "en" },
    socketUrl: socketUrl,
    socketPath: "/socket.io/",
    title: "Career advisor",
    inputTextFieldHint: "Ask about a career…",
    embedded: true, // always open, filling its box on the page
    hideWhenNotConnected: false, // keep the conversation readable while the server is away; the status says why
    params: { storage: "local" }, // the conversation survives a reload (and a closed tab) in this browser
    // The widget's default pause before each message is 0.8-3 s; over a 30-60 question test that drags.
    customMessageDelay: function (message) {
      return Math.min(900, Math.max(200, 4 * message.length));
    },
    withRules: false, // Botfront's visitor-tracking rules: not used, so nothing about page visits is stored
    onSocketEvent: {
      // Runs before the widget's own handler gets the same message (registered first; tested in
      // tests/test_widget_browser.py): the "(Source: ...)" line becomes a paragraph of its own, never a lazy
      // continuation of a list's last item.
      bot_uttered: function (message) {
        if (message && typeof message.text === "string") {
          message.text = message.text.replace(/\n(\(Sources?: )/g, "\n\n$1");
        }
      },
      connect: function () {
        setStatus("connected", "Connected.");
        statusLine.title = "";
      },
      disconnect: function () { setStatus("offline", "Connection lost; reconnecting…"); },
      connect_error: function () {
        setStatus("offline", "Cannot reach the assistant right now; retrying…");
        statusLine.title = "No answer from " + socketUrl;
      }
    }
  }, chat);
})();
