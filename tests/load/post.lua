-- wrk script: POST the GraphQL request body in $BODY_FILE to the URL.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

-- Count non-2xx answers so a benchmark of errors is not mistaken for a fast one.
local failures = 0
response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("FAILURES %d\n", failures))
end
