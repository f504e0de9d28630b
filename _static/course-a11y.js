/* ipywidgets' sliders draw their handle (role="slider") without an accessible name. Give each handle the
   name of its slider, taken from the widget's visible label, once the widgets have rendered. */
(function () {
  function nameHandles(root) {
    root.querySelectorAll(".noUi-handle:not([aria-label])").forEach(function (handle) {
      var widget = handle.closest(".widget-slider");
      var label = widget && widget.querySelector(".widget-label");
      var name = label && label.textContent.trim();
      handle.setAttribute("aria-label", name || "Slider");
    });
  }
  new MutationObserver(function () { nameHandles(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { nameHandles(document); });
})();
