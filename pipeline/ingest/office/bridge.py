"""Run by a Python that has LibreOffice's ``uno`` module (not the pipeline's own): converts
files in a running ``soffice`` on request. Reads one JSON request a line on stdin,
``{"source": PATH, "target": PATH, "filter": NAME}``, answers ``{"ok": true}`` or
``{"error": TEXT}`` on stdout. Documents are opened hidden, read-only, with macros never run
and links never updated: archive files are untrusted input.

Usage: python3 bridge.py PIPE_NAME CONNECT_TIMEOUT_S
"""

import json
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(pipe, timeout_s):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            context = resolver.resolve(url)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def convert(desktop, request):
    load = (
        prop("Hidden", True),
        prop("ReadOnly", True),
        prop("MacroExecutionMode", NEVER_EXECUTE),
        prop("UpdateDocMode", NO_UPDATE),
    )
    source = uno.systemPathToFileUrl(request["source"])
    document = desktop.loadComponentFromURL(source, "_blank", 0, load)
    if document is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        target = uno.systemPathToFileUrl(request["target"])
        document.storeToURL(target, (prop("FilterName", request["filter"]),))
    finally:
        document.close(True)


def main():
    desktop = connect(sys.argv[1], float(sys.argv[2]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        try:
            convert(desktop, json.loads(line))
            answer = {"ok": True}
        except Exception as err:  # any UNO error: the file could not be converted
            answer = {"error": f"{type(err).__name__}: {getattr(err, 'Message', '') or err}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
