/// `GET /api/v1/openapi.json`: the server's API in OpenAPI 3.0, written out by hand
/// because it is small and changes with the code beside it.
enum OpenAPIDocument {
    static let text = """
    {"openapi":"3.0.3",
     "info":{"title":"Practica practice server","version":"1",
       "description":"The practica CLI over HTTP. A command runs with the same parser, permission checks and output as a local run, as the user its bearer token signed in."},
     "components":{
       "securitySchemes":{"token":{"type":"http","scheme":"bearer","description":"From POST /api/v1/login; 256 random bits, stored hashed; ends after the idle limit or on revocation."}},
       "schemas":{
         "Error":{"type":"object","properties":{"error":{"type":"string"}},"required":["error"]},
         "RunRequest":{"type":"object","required":["argv"],"properties":{
           "argv":{"type":"array","items":{"type":"string"},"description":"The command line after 'practica', without --server, --store or --as."},
           "files":{"type":"object","additionalProperties":{"type":"object","properties":{
             "content":{"type":"string","format":"byte","description":"An input file named on the line (era import, claim ack)."},
             "exists":{"type":"boolean","description":"An output path (claim submit --out, statement run --out, report dashboard --out) exists at the desk."},
             "nonEmpty":{"type":"boolean","description":"That output folder has files in it."},
             "parentMissing":{"type":"boolean","description":"The folder the desk named the output in does not exist."}}}},
           "secret":{"type":"string","description":"A password typed at the desk (user passwd); never put in argv."}}},
         "RunResponse":{"type":"object","required":["exitCode","stdout","stderr"],"properties":{
           "exitCode":{"type":"integer","description":"0 done, 1 refused, 2 usage, 3 store problem: as a local run."},
           "stdout":{"type":"string"},"stderr":{"type":"string"},
           "files":{"type":"object","additionalProperties":{"type":"array","items":{"type":"object","properties":{
             "path":{"type":"string","description":"Relative to the output folder; empty for an output file."},
             "content":{"type":"string","format":"byte"}}}}}}}}},
     "paths":{
       "/api/v1/run":{"post":{"summary":"Run one practica command","security":[{"token":[]}],
         "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/RunRequest"}}}},
         "responses":{
           "200":{"description":"exit 0","content":{"application/json":{"schema":{"$ref":"#/components/schemas/RunResponse"}}}},
           "422":{"description":"refused (exit 1)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/RunResponse"}}}},
           "403":{"description":"the user's role may not (exit 1)","content":{"application/json":{"schema":{"$ref":"#/components/schemas/RunResponse"}}}},
           "400":{"description":"usage error (exit 2), or a malformed request body (Error)"},
           "401":{"description":"no token, or an expired or revoked one","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}},
           "413":{"description":"the body is over the server's limit"},
           "500":{"description":"an exit status other than 0-3 (a bug)"},
           "503":{"description":"store problem (exit 3), or the server is shutting down"}}}},
       "/api/v1/login":{"post":{"summary":"Sign in","requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["user","password"],"properties":{"user":{"type":"string"},"password":{"type":"string"}}}}}},
         "responses":{"200":{"description":"token, session, idleSeconds"},"400":{"description":"not {user, password}"},
           "401":{"description":"unknown user or wrong password (one answer for every refusal)"},
           "415":{"description":"not sent as application/json"},"503":{"description":"sign-in unavailable"},
           "429":{"description":"locked after 5 failures in 15 minutes; Retry-After in seconds"}}}},
       "/api/v1/logout":{"post":{"summary":"End this token's session","security":[{"token":[]}],"responses":{"200":{"description":"signedOut"}}}},
       "/healthz":{"get":{"summary":"Log head and each read model's checkpoint and lag","responses":{"200":{"description":"ok"},"503":{"description":"store unreadable"}}}},
       "/api/v1/openapi.json":{"get":{"summary":"This document","responses":{"200":{"description":"OpenAPI 3.0"}}}}}}
    """
}
