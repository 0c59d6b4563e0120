/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to you under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.convosql.driver.metadata;

public final class GeneratedMetadata_MeasureHandler
  implements org.apache.calcite.rel.metadata.BuiltInMetadata.Measure.Handler {
  private final Object methodKey0 =
      new org.apache.calcite.rel.metadata.janino.DescriptiveCacheKey("RexNode Handler.expand(RelNode, RelMetadataQuery, int, Context)");
  private final Object methodKey1 =
      new org.apache.calcite.rel.metadata.janino.DescriptiveCacheKey("Boolean Handler.isMeasure(RelNode, RelMetadataQuery, int)");
  private final Object[] methodKey1FlyWeight =
      org.apache.calcite.rel.metadata.janino.CacheUtil.generateRange("java.lang.Boolean isMeasure", -256, 256);
  public final org.apache.calcite.rel.metadata.RelMdMeasure provider0;
  public GeneratedMetadata_MeasureHandler(
      org.apache.calcite.rel.metadata.RelMdMeasure provider0) {
    this.provider0 = provider0;
  }
  public org.apache.calcite.rel.metadata.MetadataDef getDef() {
    return provider0.getDef();
  }
  public org.apache.calcite.rex.RexNode expand(
      org.apache.calcite.rel.RelNode r,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq,
      int a2,
      org.apache.calcite.rel.metadata.BuiltInMetadata.Measure.Context a3) {
    while (r instanceof org.apache.calcite.rel.metadata.DelegatingMetadataRel) {
      r = ((org.apache.calcite.rel.metadata.DelegatingMetadataRel) r).getMetadataDelegateRel();
    }
    final Object key;
    key = org.apache.calcite.runtime.FlatLists.of(methodKey0, a2, org.apache.calcite.rel.metadata.NullSentinel.mask(a3));
    final Object v = mq.map.get(r, key);
    if (v != null) {
      if (v == org.apache.calcite.rel.metadata.NullSentinel.ACTIVE) {
        throw new org.apache.calcite.rel.metadata.CyclicMetadataException();
      }
      if (v == org.apache.calcite.rel.metadata.NullSentinel.INSTANCE) {
        return null;
      }
      return (org.apache.calcite.rex.RexNode) v;
    }
    mq.map.put(r, key,org.apache.calcite.rel.metadata.NullSentinel.ACTIVE);
    try {
      final org.apache.calcite.rex.RexNode x = expand_(r, mq, a2, a3);
      mq.map.put(r, key, org.apache.calcite.rel.metadata.NullSentinel.mask(x));
      return x;
    } catch (java.lang.Exception e) {
      mq.map.row(r).clear();
      throw e;
    }
  }

  private org.apache.calcite.rex.RexNode expand_(
      org.apache.calcite.rel.RelNode r,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq,
      int a2,
      org.apache.calcite.rel.metadata.BuiltInMetadata.Measure.Context a3) {
    if (r instanceof org.apache.calcite.plan.volcano.RelSubset) {
      return provider0.expand((org.apache.calcite.plan.volcano.RelSubset) r, mq, a2, a3);
    } else if (r instanceof org.apache.calcite.rel.core.Aggregate) {
      return provider0.expand((org.apache.calcite.rel.core.Aggregate) r, mq, a2, a3);
    } else if (r instanceof org.apache.calcite.rel.core.Filter) {
      return provider0.expand((org.apache.calcite.rel.core.Filter) r, mq, a2, a3);
    } else if (r instanceof org.apache.calcite.rel.core.Project) {
      return provider0.expand((org.apache.calcite.rel.core.Project) r, mq, a2, a3);
    } else if (r instanceof org.apache.calcite.rel.RelNode) {
      return provider0.expand((org.apache.calcite.rel.RelNode) r, mq, a2, a3);
    } else {
            throw new java.lang.IllegalArgumentException("No handler for method [public abstract org.apache.calcite.rex.RexNode org.apache.calcite.rel.metadata.BuiltInMetadata$Measure$Handler.expand(org.apache.calcite.rel.RelNode,org.apache.calcite.rel.metadata.RelMetadataQuery,int,org.apache.calcite.rel.metadata.BuiltInMetadata$Measure$Context)] applied to argument of type [" + r.getClass() + "]; we recommend you create a catch-all (RelNode) handler");
    }
  }
  public java.lang.Boolean isMeasure(
      org.apache.calcite.rel.RelNode r,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq,
      int a2) {
    while (r instanceof org.apache.calcite.rel.metadata.DelegatingMetadataRel) {
      r = ((org.apache.calcite.rel.metadata.DelegatingMetadataRel) r).getMetadataDelegateRel();
    }
    final Object key;
    if (a2 >= -256 && a2 < 256) {
      key = methodKey1FlyWeight[a2 + 256];
    } else {
      key = org.apache.calcite.runtime.FlatLists.of(methodKey1, a2);
    }
    final Object v = mq.map.get(r, key);
    if (v != null) {
      if (v == org.apache.calcite.rel.metadata.NullSentinel.ACTIVE) {
        throw new org.apache.calcite.rel.metadata.CyclicMetadataException();
      }
      if (v == org.apache.calcite.rel.metadata.NullSentinel.INSTANCE) {
        return null;
      }
      return (java.lang.Boolean) v;
    }
    mq.map.put(r, key,org.apache.calcite.rel.metadata.NullSentinel.ACTIVE);
    try {
      final java.lang.Boolean x = isMeasure_(r, mq, a2);
      mq.map.put(r, key, org.apache.calcite.rel.metadata.NullSentinel.mask(x));
      return x;
    } catch (java.lang.Exception e) {
      mq.map.row(r).clear();
      throw e;
    }
  }

  private java.lang.Boolean isMeasure_(
      org.apache.calcite.rel.RelNode r,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq,
      int a2) {
    if (r instanceof org.apache.calcite.rel.RelNode) {
      return provider0.isMeasure((org.apache.calcite.rel.RelNode) r, mq, a2);
    } else {
            throw new java.lang.IllegalArgumentException("No handler for method [public abstract java.lang.Boolean org.apache.calcite.rel.metadata.BuiltInMetadata$Measure$Handler.isMeasure(org.apache.calcite.rel.RelNode,org.apache.calcite.rel.metadata.RelMetadataQuery,int)] applied to argument of type [" + r.getClass() + "]; we recommend you create a catch-all (RelNode) handler");
    }
  }

}
