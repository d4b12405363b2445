/**
 * The ceiling: a bare node:http server answering the same JSON bytes, with nothing in between.
 * Reads the body from the file named in BENCH_BODY_FILE and listens on PORT.
 */
import fs from 'node:fs'
import http from 'node:http'

const body = fs.readFileSync(process.env.BENCH_BODY_FILE!)
const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  })
  response.end(body)
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'))
