import Testing

@testable import FleetKit

@Suite("reading what a Python module binds")
struct PythonModuleFactsTests {
    @Test("application calls resolve through every import form, constants and string quoting")
    func resolvesCalls() {
        let text = """
            import threading
            import mistral.api.app
            from . import helpers as h
            from nova.api.openstack import (
                wsgi_app,
            )
            NAME = 'osapi_compute'  # the compute API

            application = None
            with threading.Lock():
                if application is None:
                    application = wsgi_app.init_application(
                        NAME, argv = [])
            application = mistral.api.app.init_wsgi()
            application = h.make("x")
            application = local_factory()
            """
        let facts = PythonModuleFacts(name: "nova.wsgi.osapi_compute", text: text)
        #expect(
            facts.applicationCalls == [
                PythonCall(
                    callee: "nova.api.openstack.wsgi_app.init_application",
                    arguments: ["\"osapi_compute\"", "argv=[]"]),
                PythonCall(callee: "mistral.api.app.init_wsgi", arguments: []),
                PythonCall(callee: "nova.wsgi.helpers.make", arguments: ["\"x\""]),
                PythonCall(callee: "nova.wsgi.osapi_compute.local_factory", arguments: []),
            ])
        #expect(facts.constants == ["NAME": "\"osapi_compute\""])
    }

    @Test("a body that only returns a call is seen through a docstring and comments; any other body is not")
    func returnedCall() {
        let lines = TextLines.split(
            """
            def init_application():
                \"\"\"Make the app.

                Installed by pbr.
                \"\"\"
                # one level of indirection
                return wsgi_app.init_application(
                    NAME)


            def two_statements(argv=None):
                conf = prepare(argv)
                return load(conf)
            """)
        #expect(
            PythonFunction(named: "init_application", in: lines)?.returnedCall
                == PythonCall(callee: "wsgi_app.init_application", arguments: ["NAME"]))
        let other = PythonFunction(named: "two_statements", in: lines)
        #expect(other?.returnedCall == nil)
        #expect(other?.line == 11)
        #expect(other?.parameters == "argv=None")
        #expect(other?.acceptsNoArguments == true)
        #expect(PythonFunction(named: "missing", in: lines) == nil)
    }
}
