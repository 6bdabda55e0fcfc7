"""Spreadsheet cells that stay text: no formula injection in CSV or XLSX exports.

A boletín titled ``=HYPERLINK(…)`` must reach the archivist's spreadsheet as the
title it is, not as a formula. XLSX cells keep the text but are typed as strings,
as Wagtail's own exports do (``SpreadsheetExportMixin.generate_xlsx_row``); CSV has
no types, so a leading apostrophe makes spreadsheets read the cell as text (OWASP's
advice for CSV injection).
"""

from openpyxl.cell import WriteOnlyCell

# = + - @ start a formula; a tab or carriage return before one hides it.
INICIOS_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def texto_csv(valor):
    """``valor`` as a CSV cell that no spreadsheet evaluates."""
    if isinstance(valor, str) and valor.startswith(INICIOS_DE_FORMULA):
        return "'" + valor
    return valor


def fila_csv(valores):
    """A CSV row with every text cell neutralised."""
    return [texto_csv(valor) for valor in valores]


def fila_xlsx(hoja, valores):
    """Write-only XLSX cells; anything openpyxl would take for a formula is text."""
    celdas = []
    for valor in valores:
        celda = WriteOnlyCell(hoja, valor)
        if celda.data_type == "f":
            celda.data_type = "s"
        celdas.append(celda)
    return celdas
