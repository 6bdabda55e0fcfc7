// The counter under a title (cms/administracion/titulo.py): characters used of
// the maximum, and by how many the text goes over. A static file: the admin's
// CSP allows no inline script.
(function () {
  "use strict";

  function actualizar(campo, contador) {
    var maximo = Number(campo.dataset.contadorMax);
    var largo = campo.value.length;
    var texto = largo + " de " + maximo + " caracteres";
    if (largo > maximo) {
      var sobran = largo - maximo;
      texto += ": sobra" + (sobran === 1 ? " 1" : "n " + sobran) +
        ", acórtalo para que quepa completo";
      contador.dataset.excedido = "";
    } else {
      delete contador.dataset.excedido;
    }
    contador.textContent = texto;
  }

  function iniciar() {
    document.querySelectorAll("[data-contador-de]").forEach(function (contador) {
      var campo = document.getElementById(contador.dataset.contadorDe);
      if (!campo || campo.dataset.contadorListo) return;
      campo.dataset.contadorListo = "1";
      campo.addEventListener("input", function () {
        actualizar(campo, contador);
      });
      actualizar(campo, contador);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", iniciar);
  } else {
    iniciar();
  }
})();
