# Build stage: install production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

# Runtime stage: the app (TypeScript run by tsx) as the unprivileged `node` user. No Java here:
# in compose the database is the neo4j service, reached through NEO4J_URI.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY data ./data
COPY seed ./seed
COPY schema ./schema
USER node
EXPOSE 4000
CMD ["node", "bin/seslip-kg.js", "serve"]
