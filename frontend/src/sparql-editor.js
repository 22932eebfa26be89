// The SPARQL page's editor: turns the plain <textarea id="sparql-query"> into a CodeMirror 6 editor
// with SPARQL highlighting, keeping the textarea in sync so the form still posts without JS logic.
// Also: example buttons fill the editor; Ctrl/Cmd-Enter submits.
import { EditorView, basicSetup } from "codemirror";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { keymap } from "@codemirror/view";

function enhance(textarea) {
  const form = textarea.form;
  const submit = () => {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
    return true;
  };
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      keymap.of([{ key: "Mod-Enter", run: submit }]),
      basicSetup,
      StreamLanguage.define(sparql),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) textarea.value = u.state.doc.toString();
      }),
    ],
  });
  textarea.parentNode.insertBefore(view.dom, textarea);
  textarea.hidden = true;
  view.dom.classList.add("cm-sparql");
  view.dom.setAttribute("data-testid", "sparql-editor");
  document.querySelectorAll("[data-example-query]").forEach((el) => {
    el.addEventListener("click", (ev) => {
      const q = el.getAttribute("data-example-query");
      ev.preventDefault();
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: q } });
      textarea.value = q;
      if (el.hasAttribute("data-run")) submit();
      else view.focus();
    });
  });
  window.bzkgSparqlEditor = view;
}

function start() {
  const ta = document.getElementById("sparql-query");
  if (ta) enhance(ta);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
