/* The public site's only script, optional: every page works without it.
   - The phone menu: the "Menú" link opens #menu by :target without JavaScript;
     with it, the link becomes a button that toggles the menu in place.
   - Photo viewers (.visor): a thumbnail opens the photo in a <dialog> with
     previous/next by keyboard (arrows, Esc) and by swipe. */
(function () {
  "use strict";
  var boton = document.querySelector(".menu-boton");
  var menu = document.getElementById("menu");
  if (boton && menu) {
    boton.setAttribute("role", "button");
    boton.addEventListener("click", function (evento) {
      evento.preventDefault();
      var abierto = boton.getAttribute("aria-expanded") === "true";
      boton.setAttribute("aria-expanded", String(!abierto));
      menu.classList.toggle("abierta", !abierto);
    });
  }

  document.querySelectorAll("[data-visor]").forEach(function (grupo) {
    var enlaces = Array.prototype.slice.call(grupo.querySelectorAll("a[data-grande]"));
    if (!enlaces.length || typeof HTMLDialogElement !== "function") return;
    var dialogo = document.createElement("dialog");
    dialogo.className = "visor";
    dialogo.setAttribute("aria-label", grupo.getAttribute("data-visor"));
    dialogo.innerHTML =
      '<figure class="visor__figura"><img class="visor__imagen" alt=""><figcaption class="visor__pie"></figcaption></figure>' +
      '<button type="button" class="visor__boton visor__anterior" aria-label="Foto anterior">‹</button>' +
      '<button type="button" class="visor__boton visor__siguiente" aria-label="Foto siguiente">›</button>' +
      '<button type="button" class="visor__boton visor__cerrar" aria-label="Cerrar">×</button>';
    document.body.appendChild(dialogo);
    var imagen = dialogo.querySelector(".visor__imagen");
    var pie = dialogo.querySelector(".visor__pie");
    var actual = 0;
    function mostrar(indice) {
      actual = (indice + enlaces.length) % enlaces.length;
      var enlace = enlaces[actual];
      imagen.src = enlace.getAttribute("data-grande");
      imagen.alt = enlace.getAttribute("data-alt") || "";
      pie.textContent = enlace.getAttribute("data-pie") || "";
    }
    enlaces.forEach(function (enlace, indice) {
      enlace.addEventListener("click", function (evento) {
        evento.preventDefault();
        mostrar(indice);
        dialogo.showModal();
      });
    });
    dialogo.querySelector(".visor__anterior").addEventListener("click", function () { mostrar(actual - 1); });
    dialogo.querySelector(".visor__siguiente").addEventListener("click", function () { mostrar(actual + 1); });
    dialogo.querySelector(".visor__cerrar").addEventListener("click", function () { dialogo.close(); });
    dialogo.addEventListener("keydown", function (evento) {
      if (evento.key === "ArrowLeft") mostrar(actual - 1);
      if (evento.key === "ArrowRight") mostrar(actual + 1);
    });
    var inicioX = null;
    dialogo.addEventListener("touchstart", function (evento) { inicioX = evento.touches[0].clientX; }, { passive: true });
    dialogo.addEventListener("touchend", function (evento) {
      if (inicioX === null) return;
      var delta = evento.changedTouches[0].clientX - inicioX;
      if (Math.abs(delta) > 40) mostrar(actual + (delta < 0 ? 1 : -1));
      inicioX = null;
    });
    dialogo.addEventListener("close", function () { enlaces[actual].focus(); });
  });
})();
