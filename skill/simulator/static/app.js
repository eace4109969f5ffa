// Back Pop Coach simulator page: type (or say) an utterance, see and hear what the skill answers.
// Talks to api/turn; keeps the session token; renders the APL step card as HTML on a "screen device".
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  const canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
  let token = null;
  let speechRun = 0;
  let listening = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addEntry(kind, who, lines) {
    const item = element("li", `turn ${kind}`);
    if (who) item.appendChild(element("span", "who", who));
    for (const [text, className] of lines) {
      if (text) item.appendChild(element("p", className || "", text));
    }
    $("transcript").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  // On a screen device, the APL document the skill sent (RenderDocument) is drawn by apl.js, the
  // same document a device gets; otherwise the card's text.
  let screenRender = null;
  const VIEWPORT = { width: 1280, height: 800, shape: "rectangle" };

  function renderDocument(data) {
    const directives = (data.response && data.response.response && data.response.response.directives) || [];
    return directives.find((d) => d.type === "Alexa.Presentation.APL.RenderDocument" && d.document);
  }

  function showScreen(data) {
    const screen = $("screen");
    screen.hidden = !$("screen-device").checked;
    if (screen.hidden || !data) return;
    if (screenRender) { screenRender.stop(); screenRender = null; }
    screen.replaceChildren();
    const directive = renderDocument(data);
    if (directive && window.BackPopAPL) {
      const frame = element("div", "apl-viewport");
      frame.setAttribute("aria-label", "Step card");
      screen.appendChild(frame);
      const scale = Math.min(1, (screen.clientWidth || VIEWPORT.width) / VIEWPORT.width);
      frame.style.transform = `scale(${scale})`;
      frame.style.height = `${VIEWPORT.height * scale}px`;
      screenRender = window.BackPopAPL.render(frame, directive, { viewport: VIEWPORT });
    } else if (data.card) {
      screen.appendChild(element("p", "step-text", data.card));
    }
  }

  // The hold chime, made here with WebAudio (no sound file): a soft bell stroke, a few
  // inharmonic partials that fade out, like the sound library's single bell. Other clips get a
  // short neutral tone. Resolves when the clip's length has passed.
  let audioContext = null;
  function playSound(kind, seconds) {
    window.__sounds = (window.__sounds || []).concat([kind]);
    const Context = window.AudioContext || window.webkitAudioContext;
    const wait = new Promise((resolve) => window.setTimeout(resolve, seconds * 1000));
    if (!Context) return wait;
    try {
      audioContext = audioContext || new Context();
      const now = audioContext.currentTime;
      const out = audioContext.createGain();
      out.gain.setValueAtTime(0.0001, now);
      out.gain.exponentialRampToValueAtTime(0.25, now + 0.01);
      out.gain.exponentialRampToValueAtTime(0.0001, now + Math.max(0.3, seconds));
      out.connect(audioContext.destination);
      const partials = kind === "chime" ? [[660, 1], [1320 * 1.19, 0.35], [1980 * 1.33, 0.15]] : [[440, 1]];
      for (const [frequency, level] of partials) {
        const tone = audioContext.createOscillator();
        const gain = audioContext.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        gain.gain.value = level;
        tone.connect(gain).connect(out);
        tone.start(now);
        tone.stop(now + seconds);
      }
    } catch (error) { /* no audio output: the wait still keeps the timing */ }
    return wait;
  }

  function speak(parts) {
    const run = ++speechRun;
    if (!canSpeak) return;
    window.speechSynthesis.cancel();
    if (!$("speak").checked || !parts) return;
    const queue = parts.slice();
    const next = () => {
      if (run !== speechRun || !queue.length) return;
      const part = queue.shift();
      if (part.pause !== undefined) {
        window.setTimeout(next, part.pause * 1000);
        return;
      }
      if (part.sound !== undefined) {
        playSound(part.sound, part.seconds || 1).then(next);
        return;
      }
      const utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = $("locale").value;
      utterance.onend = next;
      utterance.onerror = next;
      window.speechSynthesis.speak(utterance);
    };
    next();
  }

  function show(data) {
    const res = data.resolution;
    let resolved = res ? res.describe : "(silence)";
    if (res && res.sample) resolved += `\nsample: "${res.sample}"`;
    if (res && res.considered && res.considered.length) resolved += `\nalso considered: ${res.considered.join(", ")}`;
    if (data.reading) resolved += `\n${data.reading}`;
    $("resolution").textContent = resolved;
    $("request-json").textContent = data.request ? JSON.stringify(data.request, null, 2) : "(no request sent)";
    $("response-json").textContent = data.response ? JSON.stringify(data.response, null, 2) : "(no response)";
    if (data.note) addEntry("note", "", [[data.note]]);
    if (data.response) {
      addEntry("alexa", "Alexa", [
        [data.heard || "(says nothing)", "heard"],
        [data.reprompt && `Reprompt: ${data.reprompt}`, "extra reprompt"],
        [data.card && `Card: ${data.card}`, "extra card"],
        [data.session, "extra session"],
      ]);
      showScreen(data);
      speak(data.heardParts);
    }
    $("session-state").textContent = data.sessionOpen ? "Session open" : "No session open";
  }

  async function send(text) {
    addEntry("you", "You", [[text || "(silence)"]]);
    $("send").disabled = true;
    try {
      const reply = await fetch("api/turn", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, locale: $("locale").value, screen: $("screen-device").checked, sessionToken: token }),
      });
      const data = await reply.json();
      if (data.sessionToken) token = data.sessionToken;
      if (!reply.ok) addEntry("error", "", [[data.error || `The simulator answered HTTP ${reply.status}`]]);
      else show(data);
    } catch (error) {
      addEntry("error", "", [[`The simulator did not answer: ${error.message}`]]);
    } finally {
      $("send").disabled = false;
    }
  }

  function newSession(why) {
    token = null;
    speak(null);
    $("session-state").textContent = "No session open";
    $("screen").replaceChildren();
    addEntry("note", "", [[why]]);
  }

  function setUpMicrophone() {
    if (!Recognition) return;
    const mic = $("mic");
    mic.hidden = false;
    mic.addEventListener("click", () => {
      if (listening) { listening.stop(); return; }
      const recognition = new Recognition();
      recognition.lang = $("locale").value;
      recognition.interimResults = false;
      recognition.maxAlternatives = 1;
      recognition.onresult = (event) => {
        const said = event.results[0][0].transcript;
        $("utterance").value = said;
        send(said);
        $("utterance").value = "";
      };
      recognition.onerror = (event) => addEntry("error", "", [[`Microphone: ${event.error}`]]);
      recognition.onend = () => { listening = null; mic.setAttribute("aria-pressed", "false"); };
      listening = recognition;
      mic.setAttribute("aria-pressed", "true");
      recognition.start();
    });
  }

  async function markLocales() {
    try {
      const reply = await fetch("api/locales");
      const { locales } = await reply.json();
      for (const option of $("locale").options) {
        if (!locales.includes(option.value)) {
          option.disabled = true;
          option.textContent += " (no model)";
        }
      }
    } catch (error) { /* the menu still works; the API says which locale is missing */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("say").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("utterance").value;
      $("utterance").value = "";
      send(text.trim());
      $("utterance").focus();
    });
    $("locale").addEventListener("change", () => newSession(`Locale ${$("locale").value}: a new session starts.`));
    $("new-session").addEventListener("click", () => {
      if (token) fetch("api/reset", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessionToken: token }) });
      newSession("New session.");
    });
    $("screen-device").addEventListener("change", () => { $("screen").hidden = !$("screen-device").checked; });
    $("speak").addEventListener("change", () => { if (!$("speak").checked) speak(null); });
    if (!canSpeak) {
      $("speak").checked = false;
      $("speak").disabled = true;
      $("speak-label").textContent = "Speak replies (this browser cannot)";
    }
    setUpMicrophone();
    markLocales();
  });
})();
