import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { prometheusContentType } from 'prom-client';
import { AppConfig, metricsTokenMatches } from '@app/core';
import { Public } from '../auth/public.decorator';
import { ApiMetrics } from './api-metrics';

/**
 * Prometheus's scrape, outside /api and out of the OpenAPI document (an operations endpoint, not the
 * app's API). Public to the session guard, since Prometheus has no session; its own bearer token
 * (METRICS_TOKEN) guards it instead. Without a configured token it refuses everyone.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly config: AppConfig,
  ) {}

  /** The metrics in Prometheus's text format; 401 without `Authorization: Bearer <METRICS_TOKEN>`. */
  @Public()
  @Get()
  @Header('content-type', prometheusContentType)
  @Header('cache-control', 'no-store')
  async scrapeMetrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!metricsTokenMatches(authorization, this.config.get('METRICS_TOKEN'))) {
      throw new UnauthorizedException('Jeton de métriques absent ou incorrect');
    }
    return this.metrics.scrape();
  }
}
